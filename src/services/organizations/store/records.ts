// The Organizations entities as the store returns them.
import type { OrgNamespace } from '../org-ids.js';

export type FeatureSet = 'ALL' | 'CONSOLIDATED_BILLING';

export interface OrganizationRecord extends OrgNamespace {
  readonly managementEmail: string;
  readonly featureSet: FeatureSet;
  readonly rootId: string;
  readonly createdAt: number;
}

/** An account while it belongs to an organization. */
export interface MemberRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly parentId: string;
  readonly name: string;
  readonly email: string;
  readonly joinedMethod: 'INVITED' | 'CREATED';
  readonly joinedAt: number;
}

export interface UnitRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly parentId: string;
  readonly name: string;
  readonly createdAt: number;
}

/** A customer managed policy. */
export interface PolicyRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly type: string;
  readonly name: string;
  readonly description: string;
  readonly content: string;
  readonly createdAt: number;
}

export interface AttachmentRecord {
  readonly policyId: string;
  readonly policyType: string;
  readonly targetId: string;
}

export type HandshakeState = 'REQUESTED' | 'OPEN' | 'CANCELED' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED';

export interface HandshakeRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly action: string;
  readonly targetId: string;
  readonly targetType: string;
  readonly state: HandshakeState;
  readonly notes: string | null;
  readonly requestedAt: number;
  readonly expiresAt: number;
}

export interface CreateAccountRequestRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly accountName: string;
  readonly state: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  readonly requestedAt: number;
  readonly completedAt: number | null;
  readonly accountId: string | null;
  readonly failureReason: string | null;
}

export interface TagRecord {
  readonly key: string;
  readonly value: string;
}
