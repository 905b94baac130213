import { describe, expect, it } from 'vitest';
import { provisionedStatus, unprovisionedStatus } from '../../../src-main/shared/pbx-status';

const device = {
  id: 'dev-1',
  description: 'Reception desk',
  deviceType: { id: 1, vendor: 'ALE', model: 'M5' },
  shortNumber: '800',
  userDisplayName: 'Camille Martin',
};

describe('CloudPBX status of a MAC', () => {
  it('reads the status a provisioned device gives its MAC, registration unknown unless given', () => {
    expect(provisionedStatus(device)).toEqual({
      deviceId: 'dev-1',
      provisioned: true,
      description: 'Reception desk',
      model: 'M5',
      subscriber: { shortNumber: '800', name: 'Camille Martin' },
      registered: null,
      registeredFrom: null,
    });
    expect(
      provisionedStatus(device, { registered: true, registeredFrom: '91.161.84.45:19925' }),
    ).toMatchObject({ registered: true, registeredFrom: '91.161.84.45:19925' });
  });

  it('names no subscriber for a device without a number, and none of anything for a free MAC', () => {
    expect(provisionedStatus({ ...device, shortNumber: '' }).subscriber).toBeNull();
    expect(provisionedStatus({ ...device, shortNumber: undefined }).subscriber).toBeNull();
    expect(provisionedStatus({ ...device, userDisplayName: undefined }).subscriber).toEqual({
      shortNumber: '800',
      name: null,
    });
    expect(unprovisionedStatus()).toEqual({
      deviceId: null,
      provisioned: false,
      description: null,
      model: null,
      subscriber: null,
      registered: false,
      registeredFrom: null,
    });
  });
});
