import * as activity from '@renderer/features/activity/messages';
import * as devices from '@renderer/features/devices/messages';
import * as diagnose from '@renderer/features/diagnose/messages';
import * as discover from '@renderer/features/discover/messages';
import * as importing from '@renderer/features/import/messages';
import * as keys from '@renderer/features/keys/messages';
import * as signIn from '@renderer/features/sign-in/messages';
import * as siteCheck from '@renderer/features/site-check/messages';
import * as subscribers from '@renderer/features/subscribers/messages';
import * as systems from '@renderer/features/systems/messages';
import * as app from '@renderer/app/messages';

/**
 * Every screen's messages, assembled from the feature that owns them. English is the reference shape: each
 * feature types its French against its English, so a missing or extra key does not compile. vue-i18n message
 * syntax: `{name}` interpolates, `|` separates plural forms, and a literal @ must be written {'@'}.
 */
export const en = {
  ...app.en,
  ...signIn.en,
  ...systems.en,
  ...devices.en,
  ...keys.en,
  ...subscribers.en,
  ...activity.en,
  ...importing.en,
  ...discover.en,
  ...siteCheck.en,
  ...diagnose.en,
};

export type MessageSchema = typeof en;

export const fr: MessageSchema = {
  ...app.fr,
  ...signIn.fr,
  ...systems.fr,
  ...devices.fr,
  ...keys.fr,
  ...subscribers.fr,
  ...activity.fr,
  ...importing.fr,
  ...discover.fr,
  ...siteCheck.fr,
  ...diagnose.fr,
};
