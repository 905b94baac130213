import { randomBytes, randomUUID } from 'node:crypto';
import { ApiError, ERROR_DETAILS_CODES } from '../http/responses';
import type { ApplicationRecord, UserRecord } from '../tenant/records';
import type { SimulatorTenant } from '../tenant/tenant';
import { signJwt, verifyJwt, type TokenClaims } from './jwt';

/** Enough for the sessions of one test or bench; past it the checked tokens are forgotten and checked again. */
const VERIFIED_TOKENS_KEPT = 64;

/** A request's verified bearer token and the user it stands for. */
export interface Session {
  token: string;
  claims: TokenClaims;
  /** The stored user, not a copy (read on every request): routes change the tenant only through its methods. */
  user: Readonly<UserRecord>;
}

export interface TokenAuthorityOptions {
  tenant: SimulatorTenant;
  now: () => number;
  lifetimeSeconds: number;
}

/**
 * Issues, verifies and revokes the JWTs of one simulator. The signing key is random per instance, so a token
 * from another run is rejected as tampered. Error details follow the wording of the `jsonwebtoken` library
 * the Rainbow portal reports ("jwt expired").
 */
export class TokenAuthority {
  readonly #secret = randomBytes(32);
  /**
   * Tokens whose signature was checked, with their claims: a client sends the same token with every request,
   * and checking it again (an HMAC and two JSON decodings) was the simulator's largest cost per request. Its
   * expiry and revocation are still checked on every request.
   */
  readonly #verified = new Map<string, TokenClaims>();
  /** jti → exp of revoked tokens; entries are dropped once the token would have expired anyway. */
  readonly #revoked = new Map<string, number>();
  readonly #tenant: SimulatorTenant;
  readonly #now: () => number;
  #lifetimeSeconds: number;

  constructor(options: TokenAuthorityOptions) {
    this.#tenant = options.tenant;
    this.#now = options.now;
    this.#lifetimeSeconds = checkLifetime(options.lifetimeSeconds);
  }

  setLifetime(seconds: number): void {
    this.#lifetimeSeconds = checkLifetime(seconds);
  }

  issue(user: UserRecord, application: Pick<ApplicationRecord, 'id' | 'name'>, countRenewed = 0): string {
    const iat = this.#nowSeconds();
    return signJwt(
      {
        user: { id: user.id, loginEmail: user.loginEmail },
        app: { id: application.id, name: application.name },
        countRenewed,
        jti: randomUUID(),
        iat,
        exp: iat + this.#lifetimeSeconds,
      },
      this.#secret,
    );
  }

  renew(session: Session): string {
    const { app, countRenewed } = session.claims;
    return this.issue(session.user, app, countRenewed + 1);
  }

  revoke(session: Session): void {
    const now = this.#nowSeconds();
    for (const [jti, exp] of this.#revoked) if (exp <= now) this.#revoked.delete(jti);
    this.#revoked.set(session.claims.jti, session.claims.exp);
  }

  /** Verifies an `Authorization` header; throws the 401 the API would answer. */
  authenticate(authorization: string | undefined): Session {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const token = match?.[1];
    if (token === undefined) throw unauthorized('No authorization token was found', 'missingToken');
    const claims = this.#verify(token);
    if (this.#nowSeconds() >= claims.exp) throw unauthorized('jwt expired', 'expiredToken');
    if (this.#revoked.has(claims.jti)) throw unauthorized('jwt revoked (user logged out)', 'revokedToken');
    const user = this.#tenant.readUser(claims.user.id);
    if (user === undefined)
      throw unauthorized(`User ${claims.user.loginEmail} no longer exists`, 'invalidToken');
    return { token, claims, user };
  }

  #verify(token: string): TokenClaims {
    const known = this.#verified.get(token);
    if (known !== undefined) return known;
    const verdict = verifyJwt(token, this.#secret);
    if (!verdict.ok) {
      throw unauthorized(
        verdict.reason === 'malformed' ? 'jwt malformed' : 'invalid signature',
        'invalidToken',
      );
    }
    if (this.#verified.size >= VERIFIED_TOKENS_KEPT) this.#verified.clear();
    this.#verified.set(token, verdict.claims);
    return verdict.claims;
  }

  #nowSeconds(): number {
    return Math.floor(this.#now() / 1000);
  }
}

function unauthorized(
  details: string,
  code: 'missingToken' | 'invalidToken' | 'expiredToken' | 'revokedToken',
): ApiError {
  return new ApiError(401, details, ERROR_DETAILS_CODES[code]);
}

function checkLifetime(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 0)
    throw new RangeError('Token lifetime must be a whole number of seconds, 0 or more');
  return seconds;
}
