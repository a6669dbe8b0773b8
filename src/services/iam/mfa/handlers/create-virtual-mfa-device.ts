// iam:CreateVirtualMFADevice: a new unassigned virtual device with a fresh TOTP secret, returned once as base32 text
// and as a QR code of its otpauth:// URI.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import type { IamContext } from '../../iam-context.js';
import { checkTagQuota, requestTags } from '../../tag-input.js';
import { MfaDevices } from '../mfa-devices.js';
import { qrPng } from '../qr/png.js';
import { encodeQr } from '../qr/qr-code.js';
import { base32Encode, newTotpSecret } from '../totp.js';

export function virtualMfaSerial(account: string, path: unknown, name: string): string {
  return `arn:aws:iam::${account}:mfa${typeof path === 'string' ? path : '/'}${name}`;
}

export function createVirtualMfaDevice(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const name = input.VirtualMFADeviceName as string;
  const path = typeof input.Path === 'string' ? input.Path : '/';
  const serialNumber = virtualMfaSerial(account, path, name);
  const tags = requestTags(input.Tags);
  const seed = base32Encode(newTotpSecret());
  iam.write(() => {
    checkTagQuota(iam, 'mfa', serialNumber, tags);
    if (!new MfaDevices(iam.db).create({ serialNumber, account, name, path, seed, now: call.now })) {
      throw new AwsError('EntityAlreadyExists', 'MFA device already exists.', { status: 409 });
    }
    iam.tags.put('mfa', serialNumber, tags);
  });
  // The URI form the IAM API reference documents for QRCodePNG; the account name is the account id until assigned.
  const uri = `otpauth://totp/${encodeURIComponent(name)}@${account}?secret=${seed}`;
  return {
    VirtualMFADevice: {
      SerialNumber: serialNumber,
      Base32StringSeed: Buffer.from(seed, 'ascii'),
      QRCodePNG: qrPng(encodeQr(Buffer.from(uri, 'utf8'))),
      ...(tags.length > 0 ? { Tags: tags } : {}),
    },
  };
}
