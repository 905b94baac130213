import type { LoginAnswer } from '../../services/rainbow/types';
import { applicationProof, parseBasicAuthorization, sameSecret } from '../auth/basic-credentials';
import type { TokenAuthority } from '../auth/token-authority';
import { ApiError, ERROR_DETAILS_CODES, okReply, type Reply } from '../http/responses';
import type { Route, RouteContext } from '../http/router';

const BASE = '/api/rainbow/authentication/v1.0';

/** Sign-in, renew and sign-out of the authentication API. */
export function authRoutes(authority: TokenAuthority): Route[] {
  return [
    {
      method: 'GET',
      pattern: `${BASE}/login`,
      access: 'public',
      handle: (context) => login(context, authority),
    },
    {
      method: 'GET',
      pattern: `${BASE}/renew`,
      access: 'bearer',
      handle: (_context, session) => okReply({ token: authority.renew(session) }),
    },
    {
      method: 'GET',
      pattern: `${BASE}/logout`,
      access: 'bearer',
      handle: (_context, session) => {
        authority.revoke(session);
        return okReply({ status: 'OK' });
      },
    },
  ];
}

/** User and password first (401), then the application proof, which depends on the password (403). */
function login({ headers, tenant }: RouteContext, authority: TokenAuthority): Reply {
  const credentials = parseBasicAuthorization(headers.authorization);
  const user = credentials === undefined ? undefined : tenant.findUserByLogin(credentials.name);
  if (
    credentials === undefined ||
    user?.password === undefined ||
    !sameSecret(user.password, credentials.secret)
  ) {
    throw new ApiError(401, 'Invalid credentials', ERROR_DETAILS_CODES.invalidCredentials);
  }

  const appAuth = parseBasicAuthorization(headers['x-rainbow-app-auth']);
  const application = appAuth === undefined ? undefined : tenant.findApplication(appAuth.name);
  if (appAuth === undefined || application === undefined) {
    throw new ApiError(
      403,
      'Application not authorised: unknown application or missing x-rainbow-app-auth header',
      ERROR_DETAILS_CODES.unknownApplication,
    );
  }
  if (!sameSecret(appAuth.secret, applicationProof(application.secret, credentials.secret))) {
    throw new ApiError(
      403,
      'Application not authorised: invalid application credentials',
      ERROR_DETAILS_CODES.applicationNotAuthorised,
    );
  }

  const answer: LoginAnswer = {
    token: authority.issue(user, application),
    loggedInUser: {
      id: user.id,
      loginEmail: user.loginEmail,
      companyId: user.companyId,
      roles: user.roles,
      adminType: user.adminType,
      firstName: user.firstName,
      lastName: user.lastName,
      displayName: user.displayName,
    },
    loggedInApplication: { id: application.id, name: application.name },
  };
  return okReply(answer);
}
