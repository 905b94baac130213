import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiItem,
  ApiList,
  CloudPbx,
  Device,
  DeviceModel,
} from '../../../src-main/services/rainbow/types';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { RVCP_BASE, getJson, signIn } from './http-helpers';

const LYON = `${RVCP_BASE}/cloudpbxs/${DEMO_SYSTEM_IDS.lyon}`;

describe('simulator RVCP provisioning API', () => {
  let simulator: RunningSimulator;
  let token: string;
  const get = <T>(path: string) => getJson<T>(simulator, path, { token });

  beforeAll(async () => {
    simulator = await startSimulator();
    token = await signIn(simulator);
  });
  afterAll(async () => {
    await simulator.close();
  });

  describe('cloudpbxs', () => {
    it('lists the company CloudPBXs in the list envelope', async () => {
      const answer = await get<ApiList<CloudPbx>>(`${RVCP_BASE}/cloudpbxs?sortField=name`);

      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ limit: 100, offset: 0, total: 2 });
      expect(answer.body.data.map((cloudPbx) => cloudPbx.name)).toEqual(['Grenoble Warehouse', 'Lyon HQ']);
      expect(answer.body.data[1]).toMatchObject({
        id: DEMO_SYSTEM_IDS.lyon,
        type: 'cloud_pbx',
        country: 'FRA',
        cloudpbx: { numberingPrefix: '8', numberingDigits: 5 },
      });
    });

    it('pages with limit and offset', async () => {
      const second = await get<ApiList<CloudPbx>>(`${RVCP_BASE}/cloudpbxs?limit=1&offset=1&sortField=name`);
      const past = await get<ApiList<CloudPbx>>(`${RVCP_BASE}/cloudpbxs?offset=5`);

      expect(second.body).toMatchObject({ limit: 1, offset: 1, total: 2 });
      expect(second.body.data.map((cloudPbx) => cloudPbx.name)).toEqual(['Lyon HQ']);
      expect(past.body).toEqual({ data: [], limit: 100, offset: 5, total: 2 });
    });

    it('gets one CloudPBX by id and answers 404 with the error body for an unknown id', async () => {
      const found = await get<ApiItem<CloudPbx>>(LYON);
      const missing = await get(`${RVCP_BASE}/cloudpbxs/000000000000000000000000`);

      expect(found.status).toBe(200);
      expect(found.body.data.name).toBe('Lyon HQ');
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({
        errorCode: 404,
        errorMsg: 'Not Found',
        errorDetails: 'CloudPBX 000000000000000000000000 not found',
        errorDetailsCode: 404200,
      });
    });
  });

  describe('devicemodels', () => {
    const models = async (query = '') =>
      (await get<{ data: DeviceModel[] }>(`${LYON}/devicemodels${query}`)).body.data;

    it('defaults to deskphone and uncategorized models, without pagination', async () => {
      const answer = await get<Record<string, unknown>>(`${LYON}/devicemodels`);
      const data = answer.body['data'] as DeviceModel[];

      expect(Object.keys(answer.body)).toEqual(['data']);
      expect(new Set(data.map((model) => model.category))).toEqual(new Set(['deskphone', 'uncategorized']));
      expect(data.map((model) => model.model)).toEqual(
        expect.arrayContaining([
          '8008',
          '8018',
          '8028s',
          '8058s',
          '8068s',
          '8078s',
          'M3',
          'M5',
          'M7',
          'M8',
          'Generic SIP',
        ]),
      );
    });

    it('filters by category list and by range', async () => {
      expect((await models('?category=dectmobile')).map((model) => [model.id, model.model])).toEqual([
        [999998, '8214DECT'],
      ]);
      const myriad = await models('?range=myriad');
      expect(myriad.map((model) => model.model)).toEqual(['M3', 'M5', 'M7', 'M8']);
      expect(myriad.find((model) => model.model === 'M3')?.supportedModules).toBeUndefined();
      expect(
        myriad.find((model) => model.model === 'M5')?.supportedModules?.map((module) => module.type),
      ).toEqual(['EM_20', 'EM_200']);
      expect(await models('?category=deskphone,dectmobile&range=cloud_edition')).toHaveLength(6);
    });

    it('rejects an unknown category with 400', async () => {
      const answer = await get<Record<string, unknown>>(`${LYON}/devicemodels?category=deskphone,fax`);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        errorCode: 400,
        errorMsg: 'Bad Request',
        errorDetailsCode: 400000,
      });
    });
  });

  describe('devices', () => {
    const devices = async (query = '') => (await get<ApiList<Device>>(`${LYON}/devices${query}`)).body;

    it('lists deskphones and uncategorized devices by default, sorted by MAC', async () => {
      const list = await devices();

      expect(list).toMatchObject({ limit: 100, offset: 0, total: 15 });
      const macs = list.data.map((device) => device.macAddress ?? '');
      expect(macs).toEqual([...macs].sort());
      expect(list.data.every((device) => /^[0-9a-f]{12}$/.test(device.macAddress ?? ''))).toBe(true);
    });

    it('walks every page exactly once', async () => {
      const seen: string[] = [];
      for (let offset = 0; ; offset += 4) {
        const page = await devices(`?category=deskphone,dectmobile&limit=4&offset=${offset}`);
        expect(page.total).toBe(18);
        if (page.data.length === 0) break;
        seen.push(...page.data.map((device) => device.id));
      }
      expect(seen).toHaveLength(18);
      expect(new Set(seen).size).toBe(18);
    });

    it('takes only the reference’s category values: uncategorized devices come with the default list', async () => {
      const refused = await get<Record<string, unknown>>(`${LYON}/devices?category=deskphone,uncategorized`);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ errorCode: 400, errorDetailsCode: 400000 });
    });

    it('carries the subscriber and user of assigned devices', async () => {
      const [device] = (await devices('?shortNumber=81001')).data;

      expect(device).toMatchObject({
        macAddress: '487a550a1b01',
        shortNumber: '81001',
        userDisplayName: 'Camille Martin',
        userLoginEmail: 'camille.martin@demo.fieldkit.invalid',
        deviceType: { vendor: 'ALE', model: '8078s' },
        systemId: DEMO_SYSTEM_IDS.lyon,
      });
      expect(device?.phoneNumberId).toMatch(/^[0-9a-f]{24}$/);
      expect(device?.userId).toMatch(/^[0-9a-f]{24}$/);
    });

    it('filters by assignment, category, MAC or IPEI, type, description and user name', async () => {
      const unassigned = await devices('?assigned=false');
      expect(unassigned.data.map((device) => device.description).sort()).toEqual([
        'Lobby door intercom',
        'Meeting room Confluence',
        'Spare stock - box 3',
      ]);
      expect(unassigned.data.every((device) => device.phoneNumberId === undefined)).toBe(true);

      const dect = await devices('?category=dectmobile');
      expect(dect.total).toBe(4);
      expect(dect.data.every((device) => /^[0-9a-f]{10}$/.test(device.ipei ?? ''))).toBe(true);

      expect((await devices('?macAddress=48:7A:55:0A:1B:02')).data.map((d) => d.description)).toEqual([
        'Office 2.14',
      ]);
      expect(
        (await devices('?category=dectmobile&macAddress=03807e7898')).data.map((d) => d.shortNumber),
      ).toEqual(['81012']);
      expect((await devices('?deviceTypeId=14')).total).toBe(3);
      expect((await devices('?description=OPEN space')).total).toBe(2);
      expect((await devices('?userDisplayName=CAMI')).data.map((d) => d.userDisplayName)).toEqual([
        'Camille Martin',
      ]);
    });

    it('sorts by another field in descending order', async () => {
      const list = await devices('?assigned=true&sortField=shortNumber&sortOrder=-1');
      const numbers = list.data.map((device) => device.shortNumber ?? '');
      expect(numbers).toEqual([...numbers].sort().reverse());
    });

    it('rejects short text filters, bad booleans, bad limits and unknown sort fields with 400', async () => {
      for (const query of [
        '?description=op',
        '?userDisplayName=c',
        '?assigned=yes',
        '?limit=0',
        '?limit=ten',
        '?offset=-1',
        '?sortField=colour',
        '?sortOrder=2',
      ]) {
        const answer = await get<Record<string, unknown>>(`${LYON}/devices${query}`);
        expect(answer.status, query).toBe(400);
        expect(answer.body, query).toMatchObject({ errorCode: 400, errorMsg: 'Bad Request' });
      }
    });

    it('gets one device, and answers 404 for an unknown one', async () => {
      const [first] = (await devices('?limit=1')).data;
      const found = await get<ApiItem<Device>>(`${LYON}/devices/${first?.id ?? ''}`);
      const missing = await get<Record<string, unknown>>(`${LYON}/devices/000000000000000000000000`);
      const wrongSystem = await get(
        `${RVCP_BASE}/cloudpbxs/${DEMO_SYSTEM_IDS.grenoble}/devices/${first?.id ?? ''}`,
      );

      expect(found.status).toBe(200);
      expect(found.body.data).toMatchObject({ id: first?.id, macAddress: first?.macAddress });
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ errorCode: 404, errorMsg: 'Not Found', errorDetailsCode: 404300 });
      expect(wrongSystem.status).toBe(404);
    });
  });

  describe('free phone numbers', () => {
    it('lists unused internal numbers as numbers, honouring startingWith and limit', async () => {
      const answer = await get<{ data: number[] }>(`${LYON}/phone-numbers/free?startingWith=810&limit=5`);

      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual([81000, 81043, 81044, 81045, 81046]);
      expect((await get<{ data: number[] }>(`${LYON}/phone-numbers/free`)).body.data).toHaveLength(100);
      expect((await get(`${LYON}/phone-numbers/free?startingWith=8a`)).status).toBe(400);
    });
  });
});
