// AWS SDK clients signing as an account's root (access key id = account id, the server's root secret), one per
// account, service and region, all pointed at the xacct endpoint.
import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';

export interface ApplyTarget {
  readonly endpoint: string;
  readonly rootSecret: string;
  readonly region: string;
}

interface Destroyable {
  destroy(): void;
}

export class WorldClients {
  private readonly cache = new Map<string, Destroyable>();

  constructor(readonly target: ApplyTarget) {}

  iam(account: string): IAMClient {
    return this.get(`iam ${account}`, () => new IAMClient(this.options(account, this.target.region)));
  }

  sts(account: string): STSClient {
    return this.get(`sts ${account}`, () => new STSClient(this.options(account, this.target.region)));
  }

  organizations(account: string): OrganizationsClient {
    return this.get(`org ${account}`, () => new OrganizationsClient(this.options(account, this.target.region)));
  }

  /** Bucket requests are signed for the bucket's region, as the AWS CLI does. */
  s3(account: string, region: string): S3Client {
    return this.get(
      `s3 ${account} ${region}`,
      () => new S3Client({ ...this.options(account, region), forcePathStyle: true }),
    );
  }

  destroy(): void {
    for (const client of this.cache.values()) client.destroy();
    this.cache.clear();
  }

  private get<T extends Destroyable>(key: string, make: () => T): T {
    let client = this.cache.get(key);
    if (client === undefined) {
      client = make();
      this.cache.set(key, client);
    }
    return client as T;
  }

  private options(account: string, region: string) {
    return {
      endpoint: this.target.endpoint,
      region,
      credentials: { accessKeyId: account, secretAccessKey: this.target.rootSecret },
      // A local server either answers or it does not; retries would only slow down reporting the failure.
      maxAttempts: 1,
    };
  }
}
