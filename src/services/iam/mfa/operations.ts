// IAM virtual MFA operations: what each must be authorized for and which handler serves it.
import type { ContextInput } from '../../../policy/index.js';
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext, ServiceOperations } from '../../types.js';
import { callerAccount, iamTarget, requestTagKeys } from '../authorization.js';
import type { IamContext } from '../iam-context.js';
import { iamOperation } from '../operations/iam-operation.js';
import { requestTags } from '../tag-input.js';
import { createVirtualMfaDevice, virtualMfaSerial } from './handlers/create-virtual-mfa-device.js';
import { deactivateMfaDevice } from './handlers/deactivate-mfa-device.js';
import { deleteVirtualMfaDevice } from './handlers/delete-virtual-mfa-device.js';
import { enableMfaDevice } from './handlers/enable-mfa-device.js';
import { getMfaDevice } from './handlers/get-mfa-device.js';
import { listMfaDeviceTags } from './handlers/list-mfa-device-tags.js';
import { listMfaDevices } from './handlers/list-mfa-devices.js';
import { listVirtualMfaDevices } from './handlers/list-virtual-mfa-devices.js';
import { resyncMfaDevice } from './handlers/resync-mfa-device.js';
import { tagMfaDevice } from './handlers/tag-mfa-device.js';
import { untagMfaDevice } from './handlers/untag-mfa-device.js';
import { MfaDevices } from './mfa-devices.js';
import { deviceResource, mfaSubjectResource } from './mfa-subject.js';

/** Operations on a user's devices name the user (the caller when UserName is absent). */
function onUser(action: string) {
  return (iam: IamContext, input: Shaped, call: CallContext) =>
    iamTarget(call, action, mfaSubjectResource(iam, call, input.UserName));
}

/** Operations on one device name the device, with its tags. */
function onDevice(action: string, context: (input: Shaped) => ContextInput = () => ({})) {
  return (iam: IamContext, input: Shaped, call: CallContext) =>
    iamTarget(call, action, deviceResource(iam, input.SerialNumber as string), context(input));
}

export function mfaOperations(iam: IamContext): ServiceOperations {
  iam.addUserDeletionCheck((user) =>
    new MfaDevices(iam.db).listAssignedTo(user.account, { userId: user.id }).length > 0
      ? 'Cannot delete entity, must remove MFA device first.'
      : undefined,
  );
  const createTarget = (_iam: IamContext, input: Shaped, call: CallContext) =>
    iamTarget(
      call,
      'CreateVirtualMFADevice',
      { arn: virtualMfaSerial(callerAccount(call), input.Path, input.VirtualMFADeviceName as string) },
      requestTagKeys(requestTags(input.Tags)),
    );
  return {
    CreateVirtualMFADevice: iamOperation(iam, createTarget, createVirtualMfaDevice),
    EnableMFADevice: iamOperation(iam, onUser('EnableMFADevice'), enableMfaDevice),
    ResyncMFADevice: iamOperation(iam, onUser('ResyncMFADevice'), resyncMfaDevice),
    DeactivateMFADevice: iamOperation(iam, onUser('DeactivateMFADevice'), deactivateMfaDevice),
    GetMFADevice: iamOperation(iam, onUser('GetMFADevice'), getMfaDevice),
    ListMFADevices: iamOperation(iam, onUser('ListMFADevices'), listMfaDevices),
    DeleteVirtualMFADevice: iamOperation(iam, onDevice('DeleteVirtualMFADevice'), deleteVirtualMfaDevice),
    ListVirtualMFADevices: iamOperation(
      iam,
      (_iam, _input, call) => iamTarget(call, 'ListVirtualMFADevices', { arn: '*' }),
      listVirtualMfaDevices,
    ),
    TagMFADevice: iamOperation(
      iam,
      onDevice('TagMFADevice', (input) => requestTagKeys(requestTags(input.Tags))),
      tagMfaDevice,
    ),
    UntagMFADevice: iamOperation(
      iam,
      onDevice('UntagMFADevice', (input) => ({ 'aws:TagKeys': input.TagKeys as string[] })),
      untagMfaDevice,
    ),
    ListMFADeviceTags: iamOperation(iam, onDevice('ListMFADeviceTags'), listMfaDeviceTags),
  };
}
