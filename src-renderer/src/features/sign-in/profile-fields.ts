import type { ProfileInput } from '@renderer/features/sign-in/profiles-store';

export type ProfileField = keyof ProfileInput;

interface FieldSpec {
  /** Same name as the `profiles.save` input key, so field issues from the core land under the right input. */
  key: ProfileField;
  testId: string;
  secret: boolean;
  autocomplete: string;
  placeholder?:
    'profileForm.name.placeholder' | 'profileForm.host.placeholder' | 'profileForm.login.placeholder';
}

export const profileFields: readonly FieldSpec[] = [
  {
    key: 'name',
    testId: 'profile-name',
    secret: false,
    autocomplete: 'off',
    placeholder: 'profileForm.name.placeholder',
  },
  {
    key: 'host',
    testId: 'profile-host',
    secret: false,
    autocomplete: 'off',
    placeholder: 'profileForm.host.placeholder',
  },
  {
    key: 'login',
    testId: 'profile-login',
    secret: false,
    autocomplete: 'username',
    placeholder: 'profileForm.login.placeholder',
  },
  { key: 'password', testId: 'profile-password', secret: true, autocomplete: 'new-password' },
  { key: 'appId', testId: 'profile-app-id', secret: false, autocomplete: 'off' },
  { key: 'appSecret', testId: 'profile-app-secret', secret: true, autocomplete: 'new-password' },
];
