import { describe, expect, it } from 'vitest';
import {
  CloudPbxViewsService,
  type CloudPbxViewsClient,
} from '../../../src-main/services/cloudpbx/cloudpbx-views-service';
import { FieldkitError } from '../../../src-main/services/errors';
import type { Ddi, ExternalTrunk, NumberingPlan } from '../../../src-main/services/rainbow';

const SYSTEM = 'pbx-lyon';

const carrier: ExternalTrunk = {
  id: 't1',
  name: 'Carrier',
  status: 'active',
  locked: false,
  cloudPbxs: [{ id: SYSTEM, name: 'Lyon' }],
};
const legacy: ExternalTrunk = {
  id: 't2',
  name: 'Legacy',
  status: 'new',
  locked: true,
  cloudPbxs: [{ id: SYSTEM, name: 'Lyon' }],
};
const elsewhere: ExternalTrunk = {
  ...carrier,
  id: 't3',
  name: 'Other',
  cloudPbxs: [{ id: 'pbx-x', name: 'X' }],
};

const plan: NumberingPlan = {
  ranges: [{ first: '81000', last: '81999' }],
  allocatedNumbers: {
    subscribers: [{ shortNumber: '81010', userId: 'u1', userDisplayName: 'Camille Martin' }],
    groups: [{ rvcpGroupId: 'g1', groupName: 'Reception', type: 'hunting_group', shortNumber: '81100' }],
    devices: [{ shortNumber: '81002', macAddress: '3c28a6110204' }],
  },
};

const ddi = (fields: Partial<Ddi> & Pick<Ddi, 'id'>): Ddi => ({
  number: '0478980000',
  numberE164: '+33478980000',
  userId: null,
  ...fields,
});

function client(overrides: Partial<CloudPbxViewsClient> = {}): CloudPbxViewsClient {
  return {
    listDdis: () =>
      Promise.resolve([
        ddi({ id: 'd1', rvcpGroupId: 'g1', externalTrunkId: 't1', isCloudPbxDefault: true }),
        ddi({ id: 'd2', userId: 'u1', userDisplayName: 'Camille Martin', externalTrunkId: 't2' }),
        ddi({ id: 'd3', externalTrunkId: 'gone' }),
      ]),
    listExternalTrunks: () => Promise.resolve([carrier, legacy, elsewhere]),
    getNumberingPlan: () => Promise.resolve(plan),
    getEmergencyNumbers: () =>
      Promise.resolve({
        outgoingPrefix: '0',
        emergencyNumbers: [{ number: '112', description: 'Emergency' }],
      }),
    ...overrides,
  };
}

describe('CloudPbxViewsService', () => {
  it('gives each DDI its destination, with the group named from the numbering plan, and its trunk state', async () => {
    const views = await new CloudPbxViewsService(() => client()).ddis(SYSTEM);
    expect(
      views.map(({ id, destination, trunk, isCloudPbxDefault }) => ({
        id,
        destination,
        trunk,
        isCloudPbxDefault,
      })),
    ).toEqual([
      {
        id: 'd1',
        destination: { kind: 'group', id: 'g1', name: 'Reception' },
        trunk: { id: 't1', name: 'Carrier', inService: true },
        isCloudPbxDefault: true,
      },
      {
        id: 'd2',
        destination: { kind: 'user', id: 'u1', name: 'Camille Martin' },
        trunk: { id: 't2', name: 'Legacy', inService: false },
        isCloudPbxDefault: false,
      },
      { id: 'd3', destination: { kind: 'none' }, trunk: { id: 'gone' }, isCloudPbxDefault: false },
    ]);
  });

  it('still lists the DDIs, by id, when the trunks and numbering plan are refused', async () => {
    const refused = () => Promise.reject(new FieldkitError({ code: 'forbidden', message: 'Not allowed' }));
    const views = await new CloudPbxViewsService(() =>
      client({ listExternalTrunks: refused, getNumberingPlan: refused }),
    ).ddis(SYSTEM);
    expect(views[0]).toMatchObject({ destination: { kind: 'group', id: 'g1' }, trunk: { id: 't1' } });
    expect(views[0]?.destination).not.toHaveProperty('name');
  });

  it('fails when the DDIs themselves cannot be read', async () => {
    const views = new CloudPbxViewsService(() =>
      client({
        listDdis: () =>
          Promise.reject(new FieldkitError({ code: 'unreachable', message: 'Rainbow is unreachable' })),
      }),
    );
    await expect(views.ddis(SYSTEM)).rejects.toThrow('Rainbow is unreachable');
  });

  it('reports a failure that is not a refusal, even of the trunks that only name the DDIs’ trunk', async () => {
    const unreachable = () =>
      Promise.reject(new FieldkitError({ code: 'unreachable', message: 'Rainbow is unreachable' }));
    const views = new CloudPbxViewsService(() => client({ listExternalTrunks: unreachable }));
    await expect(views.ddis(SYSTEM)).rejects.toThrow('Rainbow is unreachable');
  });

  it('lists only the trunks linked to this CloudPBX, a locked or not-active one as out of service', async () => {
    const trunks = await new CloudPbxViewsService(() => client()).trunks(SYSTEM);
    expect(trunks.map(({ id, inService, locked }) => ({ id, inService, locked }))).toEqual([
      { id: 't1', inService: true, locked: false },
      { id: 't2', inService: false, locked: true },
    ]);
  });

  it('flattens the numbering plan into allocated numbers in number order', async () => {
    const view = await new CloudPbxViewsService(() => client()).numberingPlan(SYSTEM);
    expect(view.ranges).toEqual(plan.ranges);
    expect(view.allocated).toEqual([
      { shortNumber: '81002', kind: 'device', name: '', detail: '3c28a6110204' },
      { shortNumber: '81010', kind: 'subscriber', name: 'Camille Martin' },
      { shortNumber: '81100', kind: 'group', name: 'Reception', detail: 'hunting_group' },
    ]);
  });

  it('gives the emergency numbers with the outgoing prefix', async () => {
    const view = await new CloudPbxViewsService(() => client()).emergencyNumbers(SYSTEM);
    expect(view).toEqual({ outgoingPrefix: '0', numbers: [{ number: '112', description: 'Emergency' }] });
  });
});
