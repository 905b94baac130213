import { describe, expect, it } from 'vitest';
import type { DeviceModel, IdentifierCheck } from '@api/types';
import {
  pickModel,
  registerProblems,
  type RegisterDraft,
} from '@renderer/features/devices/register/register-form';
import { resetConfirmations } from '@renderer/features/devices/reset-confirmation';
import { swapFit } from '@renderer/features/devices/swap/swap-fit';
import { buildSubscriberEntries, searchSubscribers } from '@renderer/features/subscribers/subscriber-search';
import { models, subscribers } from './support/fake-api';
import { deskphone, handset } from './support/fake-device-calls';

const m5 = models[0] as DeviceModel;
const dect = models[1] as DeviceModel;

const macCheck = (overrides: Partial<IdentifierCheck> = {}): IdentifierCheck => ({
  value: '487a55abcdef',
  kind: 'mac',
  display: '48:7A:55:AB:CD:EF',
  compatibleModels: [m5],
  ...overrides,
});

const draft = (overrides: Partial<RegisterDraft> = {}): RegisterDraft => ({
  check: { text: '487A.55AB.CDEF', status: 'valid', result: macCheck() },
  deviceTypeId: m5.id,
  description: '',
  models,
  ...overrides,
});

describe('registerProblems', () => {
  it('has nothing against a checked identifier on a model that fits it', () => {
    expect(registerProblems(draft())).toEqual({});
  });

  it('asks for the identifier and the model when both are missing', () => {
    expect(registerProblems(draft({ check: { text: '', status: 'idle' }, deviceTypeId: undefined }))).toEqual(
      {
        identifier: { rule: 'identifierRequired' },
        deviceTypeId: { rule: 'modelRequired' },
      },
    );
  });

  it('refuses an identifier already on the CloudPBX', () => {
    const check = { text: 'x', status: 'valid' as const, result: macCheck({ existing: deskphone() }) };
    expect(registerProblems(draft({ check })).identifier).toEqual({ rule: 'identifierDuplicate' });
  });

  it('names the model that does not take this kind of identifier', () => {
    expect(registerProblems(draft({ deviceTypeId: dect.id })).deviceTypeId).toEqual({
      rule: 'modelIncompatible',
      model: '8214DECT',
      kind: 'mac',
    });
  });

  it('puts the core’s refusal on the field it names, the identifier otherwise', () => {
    const onField = draft({
      check: {
        text: 'x',
        status: 'invalid',
        error: {
          code: 'invalid-input',
          message: 'm',
          issues: [{ field: 'phoneNumberId', message: 'no such subscriber' }],
        },
      },
    });
    expect(registerProblems(onField)).toEqual({
      phoneNumberId: { rule: 'core', message: 'no such subscriber' },
    });
    const unreachable = draft({
      check: { text: 'x', status: 'invalid', error: { code: 'unreachable', message: 'down' } },
    });
    expect(registerProblems(unreachable).identifier).toEqual({ rule: 'core', message: 'down' });
  });

  it('waits for a check still running, and refuses a description too long', () => {
    const problems = registerProblems(
      draft({ check: { text: 'x', status: 'checking' }, description: 'x'.repeat(129) }),
    );
    expect(problems).toEqual({
      identifier: { rule: 'identifierChecking' },
      description: { rule: 'descriptionTooLong' },
    });
  });
});

describe('pickModel', () => {
  it('keeps a chosen model that fits, picks the only one that fits, and never guesses among several', () => {
    expect(pickModel(m5.id, [m5, { id: 9 }])).toBe(m5.id);
    expect(pickModel(undefined, [dect])).toBe(dect.id);
    expect(pickModel(m5.id, [dect])).toBe(dect.id);
    expect(pickModel(undefined, [m5, { id: 9 }])).toBeUndefined();
  });
});

describe('reset confirmation', () => {
  const phone = deskphone({ shortNumber: '81001' });

  it('offers the MAC and the short number', () => {
    expect(resetConfirmations(phone)).toEqual(['48:7a:55:0a:1b:01', '81001']);
    expect(resetConfirmations(handset())).toEqual(['03807E7898']);
  });
});

describe('swapFit', () => {
  const old = deskphone();

  it('accepts another MAC that the old model takes', () => {
    expect(swapFit(old, macCheck())).toEqual({ ok: true, kind: 'mac', model: 'M5' });
  });

  it('says why a phone cannot replace it', () => {
    expect(swapFit(old, macCheck({ value: '487a550a1b01' }))).toEqual({ ok: false, reason: 'same' });
    expect(swapFit(old, macCheck({ kind: 'ipei', value: '03807e7898' }))).toMatchObject({
      reason: 'kind',
      old: 'mac',
      new: 'ipei',
    });
    expect(
      swapFit(old, macCheck({ existing: handset({ description: 'Lab', shortNumber: '81012' }) })),
    ).toEqual({
      ok: false,
      reason: 'in-use',
      holder: 'Lab · 81012',
    });
    expect(swapFit(old, macCheck({ compatibleModels: [] }))).toMatchObject({ reason: 'model', model: 'M5' });
  });
});

describe('subscriber search', () => {
  const people = subscribers(3).map((subscriber, index) => ({
    ...subscriber,
    firstName: ['Camille', 'Lucas', 'Chloé'][index],
    lastName: ['Martin', 'Bernard', 'Dubois'][index],
    loginEmail: `${['camille', 'lucas', 'chloe'][index]}@demo.invalid`,
  }));
  const entries = buildSubscriberEntries(people, [
    deskphone({ phoneNumberId: 'pn-1' }),
    handset({ phoneNumberId: 'pn-1' }),
    deskphone({ id: 'x', phoneNumberId: undefined }),
  ]);

  it('gives each subscriber its current devices', () => {
    expect(entries.map((entry) => entry.devices.length)).toEqual([0, 2, 0]);
  });

  it('finds subscribers by name, short number or e-mail', () => {
    expect(searchSubscribers(entries, 'BERNARD').map((entry) => entry.id)).toEqual(['pn-1']);
    expect(searchSubscribers(entries, '802').map((entry) => entry.id)).toEqual(['pn-2']);
    expect(searchSubscribers(entries, 'lucas  BERN').map((entry) => entry.id)).toEqual(['pn-1']);
    expect(searchSubscribers(entries, 'lucas 802').map((entry) => entry.id)).toEqual([]);
    expect(searchSubscribers(entries, 'chloe@').map((entry) => entry.id)).toEqual(['pn-2']);
    expect(searchSubscribers(entries, '')).toHaveLength(3);
  });
});
