/** The variables that make the CLI sign in to `host` with these credentials, writing into `dataDir`. */
export function credentialsEnv(
  host: string,
  credentials: { login: string; password: string; appId: string; appSecret: string },
  dataDir: string,
): NodeJS.ProcessEnv {
  return {
    FIELDKIT_DATA_DIR: dataDir,
    FIELDKIT_HOST: host,
    FIELDKIT_LOGIN: credentials.login,
    FIELDKIT_PASSWORD: credentials.password,
    FIELDKIT_APP_ID: credentials.appId,
    FIELDKIT_APP_SECRET: credentials.appSecret,
  };
}
