/**
 * The tool's storage, one schema for SQLite and PostgreSQL. Times are epoch milliseconds (bigint on PostgreSQL);
 * booleans are 0/1 integers and JSON is text, so both engines store the same values.
 * Login state, nonces, keys and sessions live here, never in process memory: N instances share one database.
 */
export interface Database {
  platforms: PlatformTable;
  deployments: DeploymentTable;
  login_states: LoginStateTable;
  tool_keys: ToolKeyTable;
  sessions: SessionTable;
  resources: ResourceTable;
  catalog_meta: CatalogMetaTable;
  launches: LaunchTable;
  curated_lists: CuratedListTable;
  registration_codes: RegistrationCodeTable;
  caliper_outbox: CaliperOutboxTable;
}

export interface PlatformTable {
  issuer: string;
  client_id: string;
  auth_url: string;
  jwks_url: string;
  token_url: string;
  /** 1: bind a new deployment id on its first verified launch (Moodle course-level installs, Canvas course copies). */
  auto_bind_deployments: number;
  /** JSON array of hosts a deep_link_return_url may point to; empty = any https host. */
  platform_hosts: string;
  label: string | null;
  created_at: number;
}

export interface DeploymentTable {
  issuer: string;
  client_id: string;
  deployment_id: string;
  auto_bound: number;
  created_at: number;
}

export interface LoginStateTable {
  state: string;
  nonce: string;
  issuer: string;
  client_id: string;
  target_link_uri: string;
  redirect_uri: string;
  deployment_hint: string | null;
  storage_target: string | null;
  created_at: number;
  expires_at: number;
  consumed_at: number | null;
}

export interface ToolKeyTable {
  kid: string;
  /** JSON (JWK) of the private key. */
  private_jwk: string;
  public_jwk: string;
  /** next: published, not yet signing · current: signs · retired: published until retire_after, then dropped. */
  status: 'next' | 'current' | 'retired';
  created_at: number;
  retire_after: number | null;
}

export interface SessionTable {
  /** SHA-256 of the session token: a leaked database does not yield usable tokens. */
  token_hash: string;
  issuer: string;
  client_id: string;
  deployment_id: string;
  message_type: string;
  /** JSON of the normalised launch (no names, no emails). */
  launch: string;
  /** 0 until the browser proved it started the login (cookie or platform storage). */
  confirmed: number;
  /** SHA-256 of the login state, for the platform-storage check that confirms the session. */
  binding_state: string | null;
  created_at: number;
  expires_at: number;
}

export interface ResourceTable {
  id: string;
  /** JSON of the validated Resource. */
  data: string;
  status: string;
  updated_at: number;
}

export interface CatalogMetaTable {
  key: string;
  value: string;
}

export interface LaunchTable {
  id: string;
  resource_id: string;
  issuer: string;
  deployment_id: string;
  context_id: string | null;
  /** instructor, learner, other: never a person. */
  role_class: string;
  outcome: string;
  at: number;
}

export interface CuratedListTable {
  id: string;
  data: string;
  updated_at: number;
}

/** One-time codes that open the dynamic-registration URL to an LMS administrator (the URL itself is public). */
export interface RegistrationCodeTable {
  /** SHA-256 of the code: a leaked database does not yield usable links. */
  code_hash: string;
  label: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  /** The issuer that registered with it. */
  used_by: string | null;
}

/** Caliper events waiting for the district's endpoint: written with the launch, sent in batches, kept until accepted. */
export interface CaliperOutboxTable {
  /** The event's urn:uuid id. */
  id: string;
  event: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  /** Which instance is sending it now, and until when (a crashed sender's lease runs out). */
  lease_owner: string | null;
  lease_until: number | null;
}
