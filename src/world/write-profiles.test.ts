import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileFiles, updateSection, writeProfiles } from './write-profiles.js';

const KEYS = { aws_access_key_id: 'AKIANEW', aws_secret_access_key: 'new' };

describe('updateSection', () => {
  it('appends a missing section after a blank line, keeping the file as it was', () => {
    const text = '# my keys\n[default]\naws_access_key_id = AKIAOLD\n';
    expect(updateSection(text, 'dev-alice', KEYS)).toBe(
      `${text}\n[dev-alice]\naws_access_key_id = AKIANEW\naws_secret_access_key = new\n`,
    );
    expect(updateSection('', 'x', { a: '1' })).toBe('[x]\na = 1\n');
  });

  it('updates keys in place, adds missing ones at the end of the section and leaves the rest alone', () => {
    const text = [
      '[dev-alice]',
      'aws_access_key_id=AKIAOLD   ',
      'aws_session_token = stale',
      '# comment stays',
      '',
      '[other]',
      'aws_access_key_id = AKIAOTHER',
      '',
    ].join('\n');
    expect(updateSection(text, 'dev-alice', KEYS, ['aws_session_token'])).toBe(
      [
        '[dev-alice]',
        'aws_access_key_id = AKIANEW',
        '# comment stays',
        'aws_secret_access_key = new',
        '',
        '[other]',
        'aws_access_key_id = AKIAOTHER',
        '',
      ].join('\n'),
    );
  });

  it('finds `[ profile  x ]` headers, keeps CRLF line endings and nested blocks, and a last line without a newline', () => {
    const text = '[ profile  dev ]\r\nregion = eu-west-1\r\ns3 =\r\n  region = not-this\r\n[profile z]\r\nregion = x';
    expect(updateSection(text, 'profile dev', { region: 'us-east-1', endpoint_url: 'http://h' })).toBe(
      '[ profile  dev ]\r\nregion = us-east-1\r\ns3 =\r\n  region = not-this\r\nendpoint_url = http://h\r\n[profile z]\r\nregion = x',
    );
    expect(updateSection(text, 'profile z', { region: 'y', endpoint_url: 'e' })).toBe(
      '[ profile  dev ]\r\nregion = eu-west-1\r\ns3 =\r\n  region = not-this\r\n[profile z]\r\nregion = y\r\nendpoint_url = e\r\n',
    );
  });
});

describe('writeProfiles', () => {
  it('writes both files, creating them private when missing and preserving unrelated content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xacct-profiles-'));
    const files = { credentials: join(dir, 'new', 'credentials'), config: join(dir, 'config') };
    writeFileSync(files.config, '[default]\nregion = ap-northeast-2\n');
    const profile = {
      name: 'dev-root',
      accessKeyId: '111111111111',
      secretAccessKey: 'test',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:4566',
    };
    writeProfiles([profile], files);
    writeProfiles([profile], files);
    expect(readFileSync(files.credentials, 'utf8')).toBe(
      '[dev-root]\naws_access_key_id = 111111111111\naws_secret_access_key = test\n',
    );
    expect(readFileSync(files.config, 'utf8')).toBe(
      '[default]\nregion = ap-northeast-2\n\n[profile dev-root]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:4566\n',
    );
    expect(statSync(files.credentials).mode & 0o777).toBe(0o600);
  });

  it('honours AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE', () => {
    expect(profileFiles({ AWS_SHARED_CREDENTIALS_FILE: '/c', AWS_CONFIG_FILE: '/f' })).toEqual({
      credentials: '/c',
      config: '/f',
    });
    expect(profileFiles({}).credentials).toMatch(/[/\\]\.aws[/\\]credentials$/);
  });
});
