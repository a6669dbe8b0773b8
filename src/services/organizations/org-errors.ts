// The errors Organizations answers with, in its words. Every Organizations error is HTTP 400. Texts are the ones
// seen in real responses where known (AccessDenied, NotInUse, the last-SCP refusal, malformed policies), otherwise
// the exception's or the reason's description from the Organizations API reference.
import { AwsError } from '../../core/aws-error.js';

function error(code: string, message: string): AwsError {
  return new AwsError(code, message);
}

export function accessDenied(message = "You don't have permissions to access this resource."): AwsError {
  return error('AccessDeniedException', message);
}

export function notInUse(): AwsError {
  return error('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
}

export function alreadyInOrganization(): AwsError {
  return error(
    'AlreadyInOrganizationException',
    'This account is already a member of an organization. An account can belong to only one organization at a time.',
  );
}

const CONSTRAINT_TEXTS = {
  MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED:
    'You cannot remove the last policy attached to the specified target. You must have at least one attached at all times.',
  MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED:
    'You attempted to exceed the number of policies of a certain type that can be attached to an entity at one time.',
  POLICY_CONTENT_LIMIT_EXCEEDED: 'You attempted to create a policy that is larger than the maximum size.',
  POLICY_NUMBER_LIMIT_EXCEEDED: 'You attempted to exceed the number of policies that you can have in an organization.',
  OU_DEPTH_LIMIT_EXCEEDED: 'You attempted to create an OU tree that is too many levels deep.',
  OU_NUMBER_LIMIT_EXCEEDED: 'You attempted to exceed the number of OUs that you can have in an organization.',
  MAX_TAG_LIMIT_EXCEEDED: 'You have exceeded the number of tags allowed on this resource.',
  ORGANIZATION_NOT_IN_ALL_FEATURES_MODE:
    'You attempted to perform an operation that requires the organization to be configured to support all ' +
    "features. An organization that supports only consolidated billing features can't perform this operation.",
} as const;

export type ConstraintReason = keyof typeof CONSTRAINT_TEXTS;

export function constraintViolation(reason: ConstraintReason): AwsError {
  return new AwsError('ConstraintViolationException', CONSTRAINT_TEXTS[reason], { extra: { Reason: reason } });
}

const INVALID_INPUT_TEXTS = {
  IMMUTABLE_POLICY: "You specified a policy that is managed by Amazon Web Services and can't be modified.",
  NON_DETACHABLE_POLICY: "You can't detach this Amazon Web Services Managed Policy.",
  INVALID_NEXT_TOKEN:
    'Get the value for the NextToken parameter from the response to a previous call of the operation.',
  DUPLICATE_TAG_KEY: 'Tag keys must be unique among the tags attached to the same entity.',
  INVALID_PARTY_TYPE_TARGET: 'You specified the wrong type of entity (account, organization, or email) as a party.',
  INVALID_ROLE_NAME:
    "You provided a role name that isn't valid. A role name can't begin with the reserved prefix 'AWSServiceRoleFor'.",
  TARGET_NOT_SUPPORTED: "You can't perform the specified operation on that target entity.",
} as const;

export type InvalidInputReason = keyof typeof INVALID_INPUT_TEXTS;

export function invalidInput(reason: InvalidInputReason): AwsError {
  return new AwsError('InvalidInputException', INVALID_INPUT_TEXTS[reason], { extra: { Reason: reason } });
}

export function handshakeConstraint(reason: 'ALREADY_IN_AN_ORGANIZATION'): AwsError {
  return new AwsError(
    'HandshakeConstraintViolationException',
    'The handshake request is invalid because the invited account is already a member of an organization.',
    { extra: { Reason: reason } },
  );
}

/** Errors that carry only a code and a fixed message. */
const FIXED = {
  AccountNotFoundException: "You specified an account that doesn't exist.",
  ChildNotFoundException:
    "We can't find an organizational unit (OU) or Amazon Web Services account with the ChildId that you specified.",
  CreateAccountStatusNotFoundException:
    "We can't find an create account request with the CreateAccountRequestId that you specified.",
  DestinationParentNotFoundException:
    "We can't find the destination container (a root or OU) with the ParentId that you specified.",
  DuplicateAccountException: 'That account is already present in the specified destination.',
  DuplicateHandshakeException: 'A handshake with the same action and target already exists.',
  DuplicateOrganizationalUnitException: 'An OU with the same name already exists.',
  DuplicatePolicyAttachmentException: 'The selected policy is already attached to the specified target.',
  DuplicatePolicyException: 'A policy with the same name already exists.',
  HandshakeAlreadyInStateException: 'The specified handshake is already in the requested state.',
  HandshakeNotFoundException: "We can't find a handshake with the HandshakeId that you specified.",
  InvalidHandshakeTransitionException: "You can't perform the operation on the handshake in its current state.",
  MalformedPolicyDocumentException:
    'The provided policy document does not meet the requirements of the specified policy type.',
  MasterCannotLeaveOrganizationException:
    "You can't remove a management account from an organization. If you want the management account to become a " +
    'member account in another organization, you must first delete the current organization of the management ' +
    'account.',
  OrganizationNotEmptyException:
    'To delete an organization you must first remove all member accounts (except the master).',
  OrganizationalUnitNotEmptyException:
    'The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and ' +
    'try the operation again.',
  OrganizationalUnitNotFoundException: "You specified an organizational unit that doesn't exist.",
  ParentNotFoundException: "We can't find a root or OU with the ParentId that you specified.",
  PolicyInUseException:
    'The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before ' +
    'performing this operation.',
  PolicyNotAttachedException: "The policy isn't attached to the specified target in the specified root.",
  PolicyNotFoundException: "We can't find a policy with the PolicyId that you specified.",
  PolicyTypeAlreadyEnabledException: 'The specified policy type is already enabled.',
  PolicyTypeNotAvailableForOrganizationException:
    "You can't use the specified policy type with the feature set currently enabled for this organization.",
  PolicyTypeNotEnabledException: 'This operation can be performed only for enabled policy types.',
  RootNotFoundException: "You specified a root that doesn't exist.",
  SourceParentNotFoundException: "We can't find a source root or OU with the ParentId that you specified.",
  TargetNotFoundException: "You specified a target that doesn't exist.",
} as const;

export type FixedError = keyof typeof FIXED;

export function orgError(code: FixedError): AwsError {
  return error(code, FIXED[code]);
}
