// Virtual MFA devices through the real IAM client: create, enable with two consecutive TOTP codes, refuse wrong and
// replayed codes, list, deactivate and delete; the codes are computed here and, when present, by oathtool.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetAccountSummaryCommand,
  IAMClient,
  ListMFADevicesCommand,
  ListMFADeviceTagsCommand,
  ListVirtualMFADevicesCommand,
  ResyncMFADeviceCommand,
  TagMFADeviceCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, timeStep, totpCode } from '../../src/services/iam/mfa/totp.js';
import { verifyMfaCode } from '../../src/services/iam/mfa/verify-mfa-code.js';
import { startTestServer, type TestServer } from './harness.js';

const ACCOUNT = '111111111111';
const STEP_MS = 30_000;
// A clock the test moves; it stays within the 15 minutes of SigV4 clock skew of the real time the SDK signs with.
let now = Math.floor(Date.now() / STEP_MS) * STEP_MS + 1_000;
let server: TestServer;
let iam: IAMClient;
let aliceSeed = '';

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now } });
  iam = new IAMClient(server.client(ACCOUNT));
  await iam.send(new CreateUserCommand({ UserName: 'alice' }));
});
afterAll(async () => server.close());

function codeAt(seed: string, step: number): string {
  return totpCode(base32Decode(seed), step);
}

async function createDevice(name: string, tags?: { Key: string; Value: string }[]) {
  const out = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name, Tags: tags }));
  const device = out.VirtualMFADevice!;
  return { serial: device.SerialNumber!, seed: Buffer.from(device.Base32StringSeed!).toString('ascii'), device };
}

describe('virtual MFA devices', () => {
  it('creates a device with a 64-character base32 seed, a QR code PNG and an ARN serial', async () => {
    const { serial, seed, device } = await createDevice('alice-phone', [{ Key: 'team', Value: 'blue' }]);
    expect(serial).toBe(`arn:aws:iam::${ACCOUNT}:mfa/alice-phone`);
    expect(seed).toMatch(/^[A-Z2-7]{64}$/);
    const png = Buffer.from(device.QRCodePNG!);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const tags = await iam.send(new ListMFADeviceTagsCommand({ SerialNumber: serial }));
    expect(tags.Tags).toEqual([{ Key: 'team', Value: 'blue' }]);
    await expect(
      iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'ALICE-PHONE' })),
    ).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'MFA device already exists.',
      $metadata: { httpStatusCode: 409 },
    });
  });

  it.skipIf(!existsSync('/usr/bin/zbarimg'))('puts the otpauth:// URI of the seed in the QR code', async () => {
    const { seed, device } = await createDevice('qr-check');
    const file = join(mkdtempSync(join(tmpdir(), 'xacct-mfa-')), 'qr.png');
    writeFileSync(file, Buffer.from(device.QRCodePNG!));
    const decoded = spawnSync('/usr/bin/zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).stdout.trim();
    expect(decoded).toBe(`otpauth://totp/qr-check@${ACCOUNT}?secret=${seed}`);
  });

  it('refuses a wrong pair of codes, enables with two consecutive codes, and refuses reuse of an accepted code', async () => {
    const { serial, seed } = await createDevice('alice-token');
    aliceSeed = seed;
    const step = timeStep(now);
    await expect(
      iam.send(
        new EnableMFADeviceCommand({
          UserName: 'alice',
          SerialNumber: serial,
          AuthenticationCode1: codeAt(seed, step),
          AuthenticationCode2: codeAt(seed, step - 1),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidAuthenticationCodeException',
      message: 'Authentication code for device is not valid.',
      $metadata: { httpStatusCode: 403 },
    });
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'alice',
        SerialNumber: serial,
        AuthenticationCode1: codeAt(seed, step - 1),
        AuthenticationCode2: codeAt(seed, step),
      }),
    );
    const userArn = `arn:aws:iam::${ACCOUNT}:user/alice`;
    const db = server.storage.db;
    // The enabling codes are spent; the next step's code is accepted once, then refused as a replay.
    expect(verifyMfaCode(db, userArn, serial, codeAt(seed, step), now)).toBe(false);
    now += STEP_MS;
    expect(verifyMfaCode(db, userArn, serial, codeAt(seed, step + 1), now)).toBe(true);
    expect(verifyMfaCode(db, userArn, serial, codeAt(seed, step + 1), now)).toBe(false);
    expect(verifyMfaCode(db, `arn:aws:iam::${ACCOUNT}:user/bob`, serial, codeAt(seed, step + 2), now)).toBe(false);
    now += STEP_MS;
    if (existsSync('/usr/bin/oathtool')) {
      const oath = spawnSync('/usr/bin/oathtool', ['--totp', '-b', '-N', `@${Math.floor(now / 1000)}`, seed], {
        encoding: 'utf8',
      });
      expect(verifyMfaCode(db, userArn, serial, oath.stdout.trim(), now)).toBe(true);
    } else {
      expect(verifyMfaCode(db, userArn, serial, codeAt(seed, timeStep(now)), now)).toBe(true);
    }
  });

  it('lists the user devices and the assigned and unassigned virtual devices', async () => {
    const mine = await iam.send(new ListMFADevicesCommand({ UserName: 'alice' }));
    expect(mine.MFADevices).toEqual([
      { UserName: 'alice', SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice-token`, EnableDate: expect.any(Date) },
    ]);
    const assigned = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned' }));
    expect(assigned.VirtualMFADevices?.map((d) => [d.SerialNumber, d.User?.UserName])).toEqual([
      [`arn:aws:iam::${ACCOUNT}:mfa/alice-token`, 'alice'],
    ]);
    const unassigned = await iam.send(
      new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned', MaxItems: 1 }),
    );
    expect(unassigned.VirtualMFADevices).toHaveLength(1);
    expect(unassigned.IsTruncated).toBe(true);
    const rest = await iam.send(
      new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned', Marker: unassigned.Marker }),
    );
    expect(rest.VirtualMFADevices).toHaveLength(1);
    expect(rest.IsTruncated).toBe(false);
    await expect(iam.send(new ListVirtualMFADevicesCommand({ Marker: 'bogus' }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'Invalid Marker.',
    });
    const summary = await iam.send(new GetAccountSummaryCommand({}));
    expect(summary.SummaryMap).toMatchObject({ MFADevices: 3, MFADevicesInUse: 1, Users: 1 });
  });

  it('resyncs with two new consecutive codes and refuses a pair whose step was already used', async () => {
    const serial = `arn:aws:iam::${ACCOUNT}:mfa/alice-token`;
    const resync = (step: number) =>
      iam.send(
        new ResyncMFADeviceCommand({
          UserName: 'alice',
          SerialNumber: serial,
          AuthenticationCode1: codeAt(aliceSeed, step - 1),
          AuthenticationCode2: codeAt(aliceSeed, step),
        }),
      );
    await expect(resync(timeStep(now))).rejects.toMatchObject({ name: 'InvalidAuthenticationCodeException' });
    now += STEP_MS;
    await resync(timeStep(now));
    expect(
      verifyMfaCode(
        server.storage.db,
        `arn:aws:iam::${ACCOUNT}:user/alice`,
        serial,
        codeAt(aliceSeed, timeStep(now)),
        now,
      ),
    ).toBe(false);
  });

  it('refuses to delete an enabled device or a user holding one, then deactivates and deletes', async () => {
    const serial = `arn:aws:iam::${ACCOUNT}:mfa/alice-token`;
    await expect(iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      $metadata: { httpStatusCode: 409 },
    });
    await expect(iam.send(new DeleteUserCommand({ UserName: 'alice' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must remove MFA device first.',
    });
    await expect(
      iam.send(new DeactivateMFADeviceCommand({ UserName: 'nobody', SerialNumber: serial })),
    ).rejects.toMatchObject({ name: 'NoSuchEntityException', message: 'The user with name nobody cannot be found.' });
    await iam.send(new DeactivateMFADeviceCommand({ UserName: 'alice', SerialNumber: serial }));
    expect((await iam.send(new ListMFADevicesCommand({ UserName: 'alice' }))).MFADevices).toEqual([]);
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }));
    await expect(iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `MFA Device with serial number ${serial} does not exist.`,
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('lets the root user enable a device for itself by naming its account id (xacct has no console)', async () => {
    const { serial, seed } = await createDevice('root-account-mfa-device');
    const step = timeStep(now);
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: ACCOUNT,
        SerialNumber: serial,
        AuthenticationCode1: codeAt(seed, step - 1),
        AuthenticationCode2: codeAt(seed, step),
      }),
    );
    expect((await iam.send(new ListMFADevicesCommand({}))).MFADevices?.map((d) => d.SerialNumber)).toEqual([serial]);
    expect((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap?.AccountMFAEnabled).toBe(1);
    now += STEP_MS;
    const rootArn = `arn:aws:iam::${ACCOUNT}:root`;
    expect(verifyMfaCode(server.storage.db, rootArn, serial, codeAt(seed, step + 1), now)).toBe(true);
    expect(
      verifyMfaCode(server.storage.db, `arn:aws:iam::${ACCOUNT}:user/alice`, serial, codeAt(seed, step + 2), now),
    ).toBe(false);
  });

  it('keeps devices and their tags per account', async () => {
    const other = new IAMClient(server.client('222222222222'));
    const serial = `arn:aws:iam::${ACCOUNT}:mfa/alice-phone`;
    await expect(other.send(new TagMFADeviceCommand({ SerialNumber: serial, Tags: [] }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    expect((await other.send(new ListVirtualMFADevicesCommand({}))).VirtualMFADevices).toEqual([]);
  });
});
