import { describe, expect, it } from 'vitest';
import { compiledModel } from './compiled-model.js';
import { loadServiceModel } from './model.js';
import { SERVICE_IDS, serviceDescriptor } from './services.js';

describe('service models', () => {
  it('loads each model once and matches its descriptor', () => {
    for (const id of SERVICE_IDS) {
      const descriptor = serviceDescriptor(id);
      const model = loadServiceModel(descriptor.modelFile);
      expect(loadServiceModel(descriptor.modelFile)).toBe(model);
      expect(model.metadata.apiVersion, id).toBe(descriptor.apiVersion);
      expect(model.metadata.protocol, id).toBe(descriptor.protocol);
      if (descriptor.jsonTarget) expect(model.metadata.targetPrefix).toBe(descriptor.jsonTarget.prefix);
      if (descriptor.protocol === 'query') expect(model.metadata.xmlNamespace).toBe(descriptor.xmlNamespace);
    }
  });

  it('keeps the wire traits and drops the prose', () => {
    const s3 = loadServiceModel('s3');
    expect(JSON.stringify(s3.shape('PutObjectRequest'))).not.toContain('documentation');
    expect(s3.shape('PutObjectRequest').members?.Metadata).toEqual({
      shape: 'Metadata',
      location: 'headers',
      locationName: 'x-amz-meta-',
    });
    expect(s3.operation('PutObject')?.http).toEqual({ method: 'PUT', requestUri: '/{Bucket}/{Key+}' });
    expect(s3.operation('NoSuchThing')).toBeUndefined();
  });

  it('carries the XML root names botocore drops', () => {
    expect(compiledModel('s3').shape('ListObjectsV2Output').locationName).toBe('ListBucketResult');
    expect(compiledModel('s3').shape('CreateMultipartUploadOutput').locationName).toBe('InitiateMultipartUploadResult');
  });

  it('resolves member traits from the reference and the target shape', () => {
    const contents = compiledModel('s3').shape('ListObjectsV2Output').memberByName.get('Contents');
    expect(contents?.flattened).toBe(true);
    expect(contents?.shape.member?.shape.name).toBe('Object');
    const tags = compiledModel('iam').shape('CreateRoleRequest').memberByName.get('Tags');
    expect(tags?.shape.max).toBe(50);
    expect(compiledModel('iam').shape('CreateRoleRequest')).toBe(compiledModel('iam').shape('CreateRoleRequest'));
  });
});
