// The contract between the server pipeline and the services: who is calling (Caller), what a handler receives
// (CallContext), and how an operation declares what it must be authorized for (ServiceOperation).
import type { VerifiedSigV4 } from '../auth/sigv4/index.js';
import type { AwsError } from '../core/aws-error.js';
import type { Clock } from '../core/clock.js';
import type { CompiledPolicy, ContextInput, Decision, Principal } from '../policy/index.js';
import type { HttpRequest, HttpResponse, Route, ServiceId, Shaped } from '../protocol/index.js';
import type { Storage } from '../storage/index.js';
import type { PrincipalIdLookup } from './bound-principals.js';

/** What a verified temporary credential carries besides its principal (STS sessions). */
export interface SessionInfo {
  /** Session policies (inline `Policy` and `PolicyArns`), compiled; empty when none were passed. */
  readonly policies: readonly CompiledPolicy[];
  /** Session tags, keys as given; they win over the role's tags (keys compare case-insensitively). */
  readonly tags: Readonly<Record<string, string>>;
  readonly transitiveTagKeys: readonly string[];
  readonly mfaAuthenticated: boolean;
  /** When MFA was verified for this session, in ms since the epoch. */
  readonly mfaAuthenticatedAt: number | undefined;
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly sourceIdentity: string | undefined;
  /** True when a role session assumed this one (role chaining caps the duration at one hour). */
  readonly chainedFromRole: boolean;
  /** AssumeRoleWithWebIdentity: the provider (IAM OIDC provider ARN). */
  readonly federatedProvider: string | undefined;
}

export type CallerKind = 'root' | 'user' | 'role-session' | 'federated-user' | 'anonymous';

/** The verified identity of a request. Everything here comes from the credential, never from the request body. */
export interface Caller {
  readonly kind: CallerKind;
  /** The principal as the policy engine sees it. */
  readonly principal: Principal;
  /** The caller's account; for anonymous callers, the account the request is addressed to is not known here. */
  readonly account: string | undefined;
  /** The access key id that signed the request; undefined for anonymous requests. */
  readonly accessKeyId: string | undefined;
  /** GetCallerIdentity's UserId: account id (root), AIDA... (user), AROA...:session (role session). */
  readonly userId: string;
  /** IAM user name, for users only (`aws:username`). */
  readonly userName: string | undefined;
  /** The session of a temporary credential; undefined for long-term keys. */
  readonly session: SessionInfo | undefined;
}

/** One authorization the engine must grant before (or while) an operation runs. */
export interface AuthorizationTarget {
  readonly action: string;
  /** The resource ARN, or `*` for actions without a resource type. */
  readonly resource: string;
  /** The account owning the resource; undefined for `*` resources (then the caller's account is assumed). */
  readonly resourceAccount: string | undefined;
  /** The resource-based policy that applies (trust policy, bucket policy, key policy). */
  readonly resourcePolicy?: CompiledPolicy | undefined;
  /** Role trust and KMS key policies must allow explicitly; defaults from the policy's kind. */
  readonly resourcePolicyRequired?: boolean;
  /** Service-specific condition keys (`s3:prefix`, `sts:ExternalId`, `aws:RequestTag/k`, ...). */
  readonly context?: ContextInput;
  /** Resources RCPs never cover (AWS managed KMS keys). */
  readonly rcpExempt?: boolean;
  /**
   * Evaluate as this principal instead of the caller: AssumeRoleWithWebIdentity is unsigned, and its trust policy
   * is evaluated for the web identity the token proves (a `WebIdentity` principal).
   */
  readonly principal?: Principal;
  /**
   * Evaluate for this caller instead of the request's (its policies, session and organization as well as its
   * principal): S3 browser uploads are unsigned at the HTTP level and carry their credential in the form.
   */
  readonly caller?: Caller;
  /**
   * How a denial is reported; by default the service's AccessDenied with the engine's message. STS AssumeRole trust
   * failures, for example, drop the reason suffix.
   */
  readonly deniedError?: (decision: Decision, caller: Caller) => AwsError;
  /**
   * A service's own authorization path, asked only when the engine denies implicitly (KMS grants): a decision it
   * returns replaces the engine's, and is the one enforced and recorded in the trail.
   */
  readonly onImplicitDeny?: (decision: Decision) => Decision | undefined;
}

/** What a handler knows about the request it serves. It never sees HTTP, XML or JSON. */
export interface CallContext {
  readonly caller: Caller;
  readonly route: Route;
  /** The request as received; handlers read only what the model leaves out (S3 conditional and SSE headers). */
  readonly http: HttpRequest;
  /** The verified signature (S3 checks payload hashes and decodes aws-chunked bodies with it). */
  readonly signature: VerifiedSigV4 | undefined;
  /**
   * The request body when the pipeline buffered it (S3 checks Content-MD5 and x-amz-checksum-* of XML bodies such as
   * DeleteObjects against it); undefined when the body streams to the handler.
   */
  readonly body?: Buffer | undefined;
  /** The region the request was signed for (or the server's region for unsigned requests). */
  readonly region: string;
  readonly requestId: string;
  /** The request time, ms since the epoch (from the clock, not from the client). */
  readonly now: number;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly secureTransport: boolean;
  /** The server's state and services; see ServiceDeps. */
  readonly deps: ServiceDeps;
  /**
   * Asks the engine for one more decision (a trust policy, a copy source, a KMS key used on the caller's behalf)
   * and records it in the trail with this request. Throws the target's denial error when it is denied.
   */
  authorize(target: AuthorizationTarget): Decision;
  /** The decision without throwing (still recorded). */
  check(target: AuthorizationTarget): Decision;
}

/**
 * One operation as the pipeline runs it. `authorization` says what the engine must allow before the handler runs
 * (undefined: nothing, as for sts:GetCallerIdentity); it may read state but must not change it.
 */
export interface ServiceOperation {
  readonly authorization?: (
    input: Shaped,
    call: CallContext,
  ) => AuthorizationTarget | readonly AuthorizationTarget[] | undefined;
  readonly handle: (input: Shaped, call: CallContext) => Shaped | Promise<Shaped>;
  /** The operation accepts unsigned requests (sts:AssumeRoleWithWebIdentity, anonymous S3 access). */
  readonly allowAnonymous?: boolean;
}

export type ServiceOperations = Readonly<Record<string, ServiceOperation>>;

/** A long-term or temporary credential as the authenticator needs it. */
export interface ResolvedCredential {
  readonly secretAccessKey: string;
  readonly caller: Caller;
  /** Temporary credentials: the session token the request must carry, compared in constant time. */
  readonly sessionToken?: string;
  /** Called once the request's signature is verified: IAM records when and where an access key was last used. */
  readonly onVerified?: (use: { readonly service: string; readonly region: string; readonly now: number }) => void;
}

/** Answers `undefined` when it does not know the key; throws an AwsError for a key it refuses (inactive, expired). */
export type CredentialSource = (
  accessKeyId: string,
  sessionToken: string | undefined,
) => ResolvedCredential | undefined;

/** The caller's own policies, as IAM stores them. */
export interface PrincipalPolicies {
  /** Identity-based policies: inline and managed, and for users those of their groups. */
  readonly identity: readonly CompiledPolicy[];
  readonly permissionsBoundary: CompiledPolicy | undefined;
  /** Principal tags (user tags, or role tags merged under session tags). */
  readonly tags: Readonly<Record<string, string>>;
}

/** An account's place in an organization, as Organizations stores it. */
export interface OrganizationMembership {
  readonly organizationId: string;
  readonly managementAccount: string;
  /** `o-xxx/r-xxxx/ou-xxxx-yyyyyyyy/` style path of the account's parent chain. */
  readonly path: string;
  /** SCPs per level root → OUs → account; undefined when SCPs are not enabled. */
  readonly scp: readonly (readonly CompiledPolicy[])[] | undefined;
  /** Customer RCPs per level; undefined when RCPs are not enabled. */
  readonly rcp: readonly (readonly CompiledPolicy[])[] | undefined;
}

/** An IAM role as STS needs it to issue sessions. */
export interface RoleRecord {
  /** Full ARN including the path. */
  readonly arn: string;
  /** `AROA...` */
  readonly roleId: string;
  readonly name: string;
  readonly path: string;
  readonly account: string;
  readonly maxSessionDuration: number;
  /** The trust policy, compiled as kind `trust`. */
  readonly trustPolicy: CompiledPolicy;
  readonly tags: Readonly<Record<string, string>>;
}

/** An IAM OIDC identity provider as AssumeRoleWithWebIdentity needs it. */
export interface OidcProviderRecord {
  readonly arn: string;
  /** The issuer URL as registered, without `https://`, e.g. `token.actions.githubusercontent.com`. */
  readonly url: string;
  readonly clientIds: readonly string[];
  readonly thumbprints: readonly string[];
}

/**
 * What IAM answers other services (STS, Organizations, KMS, S3) about identities, and what it creates for them. As a
 * PrincipalIdLookup it says which user or role an ARN names now, for the policies that bind principals to unique ids.
 */
export interface IdentityLookup extends PrincipalIdLookup {
  /** A role by its exact ARN: name (case included) and path as IAM has them. */
  findRole(roleArn: string): RoleRecord | undefined;
  /** Whether `account` has a role of exactly this name, as an assumed-role session ARN names it (without path). */
  roleNamed(account: string, name: string): boolean;
  /** The OIDC provider of `account` registered for the issuer `url` (with or without `https://`). */
  findOidcProvider(account: string, url: string): OidcProviderRecord | undefined;
  /**
   * Checks a TOTP code of the MFA device `serialNumber` assigned to `userArn` (one step of tolerance; a code is
   * accepted once). False when the device does not exist, is not the user's, or the code is wrong or reused.
   */
  verifyMfaCode(userArn: string, serialNumber: string, code: string, now: number): boolean;
  /** The account that issued a long-term access key (AKIA...), if any. */
  accessKeyAccount(accessKeyId: string): string | undefined;
  /** Creates a role outside any request (Organizations' OrganizationAccountAccessRole). */
  createRole(spec: {
    account: string;
    name: string;
    trustPolicy: string;
    managedPolicyArns: readonly string[];
    description?: string;
  }): RoleRecord;
}

/** How the pipeline learns about identities and organizations; each service registers what it owns. */
export interface Directory {
  readonly credentialSources: CredentialSource[];
  principalPolicies(caller: Caller): PrincipalPolicies;
  organizationOf(account: string): OrganizationMembership | undefined;
  /** Provided by IAM; throws when no IAM service is registered. */
  readonly identities: IdentityLookup;
}

export interface ServerConfig {
  readonly region: string;
  readonly rootSecret: string;
  /** The URL clients reach the server at (for OIDC issuer URLs, presigned URLs). */
  readonly endpointUrl: string;
}

export interface ServiceDeps {
  readonly storage: Storage;
  readonly clock: Clock;
  readonly config: ServerConfig;
  readonly directory: Directory;
}

/** A service as the server registers it. */
export interface ServiceModule {
  readonly id: ServiceId;
  readonly operations: ServiceOperations;
  /** How this service reports an engine denial (IAM/STS `AccessDenied` 403, JSON `AccessDeniedException`, ...). */
  readonly accessDenied: (message: string) => AwsError;
  /** Runs once before the server accepts requests (S3 sweeps blobs no row owns). */
  readonly start?: () => Promise<void>;
  /**
   * Adds headers to every routed response of the service, errors included (S3's CORS headers for a request whose
   * Origin the bucket's CORS rules allow). Must not throw.
   */
  readonly decorateResponse?: (route: Route, http: HttpRequest, response: HttpResponse) => void;
}

/** How services plug into the directory the pipeline reads: IAM and STS add credentials, IAM answers principal
 * policies, Organizations answers memberships. */
export interface DirectoryRegistry {
  addCredentialSource(source: CredentialSource): void;
  providePrincipalPolicies(provider: (caller: Caller) => PrincipalPolicies): void;
  provideOrganizations(provider: (account: string) => OrganizationMembership | undefined): void;
  provideIdentities(lookup: IdentityLookup): void;
}

/** Builds a service once per app from the shared dependencies. */
export type ServiceFactory = (deps: ServiceDeps, registry: DirectoryRegistry) => ServiceModule;
