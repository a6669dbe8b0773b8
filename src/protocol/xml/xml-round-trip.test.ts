import { describe, expect, it } from 'vitest';
import { CompiledModel } from '../compiled-model.js';
import { ServiceModel } from '../model.js';
import { readXmlDocument, XmlShapeError } from './xml-reader.js';
import { escapeXmlAttribute, escapeXmlText, writeStructure } from './xml-writer.js';

const model = new CompiledModel(
  new ServiceModel({
    metadata: { apiVersion: '2020-01-01', protocol: 'rest-xml', endpointPrefix: 'test' },
    operations: {},
    shapes: {
      Doc: {
        type: 'structure',
        members: {
          Kind: { shape: 'String', xmlAttribute: true, locationName: 'xsi:type' },
          Labels: { shape: 'LabelMap' },
          Flat: { shape: 'FlatMap', locationName: 'Pair' },
          Items: { shape: 'ItemList', locationName: 'Item' },
          Names: { shape: 'NameList' },
          Data: { shape: 'Blob' },
        },
      },
      LabelMap: { type: 'map', key: { shape: 'String' }, value: { shape: 'String' } },
      FlatMap: {
        type: 'map',
        key: { shape: 'String', locationName: 'Name' },
        value: { shape: 'String', locationName: 'Val' },
        flattened: true,
      },
      ItemList: { type: 'list', member: { shape: 'String' }, flattened: true },
      NameList: { type: 'list', member: { shape: 'String', locationName: 'Name' } },
      String: { type: 'string' },
      Blob: { type: 'blob' },
    },
  }),
);
const doc = model.shape('Doc');
const value = {
  Kind: 'a"b',
  Labels: { k: 'v' },
  Flat: { n: 'x' },
  Items: ['1', '2'],
  Names: ['p', 'q'],
  Data: Buffer.from('hi'),
};
const xml =
  '<Doc xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="a&quot;b">' +
  '<Labels><entry><key>k</key><value>v</value></entry></Labels><Pair><Name>n</Name><Val>x</Val></Pair>' +
  '<Item>1</Item><Item>2</Item><Names><Name>p</Name><Name>q</Name></Names><Data>aGk=</Data></Doc>';

describe('XML writing and reading', () => {
  it('escapes markup and control characters', () => {
    expect(escapeXmlText('a<b>&"c"\r\n\t\u0001')).toBe('a&lt;b&gt;&amp;"c"&#xD;\n\t&#x1;');
    expect(escapeXmlAttribute('"x"\n')).toBe('&quot;x&quot;&#xA;');
  });

  it('writes attributes, wrapped and flattened maps and lists, and blobs', () => {
    const ns = { prefix: 'xsi', uri: 'http://www.w3.org/2001/XMLSchema-instance' };
    expect(writeStructure(doc, value, 'Doc', ns, { millis: 'always' })).toBe(xml);
  });

  it('reads back what it writes', () => {
    expect(readXmlDocument(xml, doc, 'Doc')).toEqual(value);
  });

  it('rejects documents that are not well-formed, have a DOCTYPE, or repeat a single element', () => {
    expect(() => readXmlDocument('<Doc><Names></Doc>', doc)).toThrow(XmlShapeError);
    expect(() => readXmlDocument('<!DOCTYPE x [<!ENTITY e "e">]><Doc/>', doc)).toThrow(XmlShapeError);
    expect(() => readXmlDocument('<Doc><Data>aGk=</Data><Data>aGk=</Data></Doc>', doc)).toThrow(XmlShapeError);
    expect(() => readXmlDocument('<Doc/>', doc, 'Other')).toThrow(XmlShapeError);
  });
});
