/**
 * Every action the audit log records, with the plain-language label the Audit log page shows.
 * `writeAudit` only takes these names (a typo is a type error), and the page's filter and labels
 * come from here. Add a new action here first. Pure: the client imports the labels.
 */
export const AUDIT_ACTIONS = {
  "access.denied": "Access denied",
  "auth.sign_in": "Sign-in",
  "auth.sign_out": "Sign-out",
  "auth.lockout": "Account locked (too many attempts)",
  "auth.otp_sent": "Reset code sent",
  "auth.otp_used": "Reset code used",
  "auth.password_changed": "Password changed",
  "auth.recovery_codes_regenerated": "Recovery codes regenerated",
  "auth.sessions_ended": "Other sessions signed out",
  "auth.two_factor_enabled": "Two-factor turned on",
  "auth.two_factor_disabled": "Two-factor turned off",
  "settings.two_factor_requirement": "Team two-factor requirement changed",
  "wallet.create": "Wallet created",
  "wallet.update": "Wallet updated",
  "wallet.lock": "Wallet locked",
  "wallet.unlock": "Wallet unlocked",
  "wallet.transfer_deposit": "Deposit balance transferred",
  "context.environment_switched": "Environment switched",
  "team.invite_sent": "Invite sent",
  "team.invite_resent": "Invite resent",
  "team.invite_revoked": "Invite revoked",
  "team.invite_accepted": "Invite accepted",
  "team.member_role_changed": "Role changed",
  "team.member_disabled": "Member disabled",
  "team.member_enabled": "Member re-enabled",
  "team.member_removed": "Member removed",
  "role.created": "Role created",
  "role.updated": "Role updated",
  "role.deleted": "Role deleted",
  "jobs.retried": "Background job retried",
  "collection.created": "Collection requested",
  "payout.created": "Payout sent",
  "payout.approved": "Payout approved",
  "payout.rejected": "Payout rejected",
  "transaction.cancelled": "Transaction cancelled",
  "payout.approval_threshold_set": "Payout approval threshold changed",
  "offramp.cancelled": "Offramp cancelled",
  "offramp.refund_retried": "Offramp refund retried",
  "customer.created": "Customer created",
  "customer.updated": "Customer updated",
  "customer.suspended": "Customer suspended",
  "customer.reactivated": "Customer reactivated",
  "customer.verified": "Customer name verified",
  "payment_link.created": "Payment link created",
  "payment_link.updated": "Payment link updated",
  "payment_link.deactivated": "Payment link deactivated",
  "payment_link.reactivated": "Payment link reactivated",
  "bulk_payment.uploaded": "Bulk payment file uploaded",
  "bulk_payment.confirmed": "Bulk payment confirmed",
  "bulk_payment.processed": "Bulk payment batch started",
  "bulk_payment.cancelled": "Bulk payment batch cancelled",
  "bulk_payment.approved": "Bulk payment batch approved",
  "bulk_payment.rejected": "Bulk payment batch rejected",
  "bulk_payment.retried": "Bulk payment failed items retried",
  "api_key.created": "API key generated",
  "api_key.rolled": "API key rolled",
  "api_key.revoked": "API key revoked",
  "api_key.permissions_changed": "API key permissions changed",
  "auth.step_up": "Identity confirmed again",
  "webhook.settings_updated": "Webhook settings updated",
  "webhook.secret_rotated": "Webhook signing secret rotated",
  "webhook.secret_revealed": "Webhook signing secret revealed",
  "webhook.test_sent": "Webhook test event sent",
  "webhook.resent": "Webhook delivery resent",
  "saved_view.created": "Shared view saved",
  "saved_view.updated": "Shared view changed",
  "saved_view.shared": "View shared with the team",
  "saved_view.unshared": "View no longer shared",
  "saved_view.deleted": "Shared view deleted",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** The label of a stored action; an unknown (older) code shows as itself. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : action;
}
