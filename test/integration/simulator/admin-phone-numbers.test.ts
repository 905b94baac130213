import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiList, PhoneNumber } from '../../../src-main/services/rainbow/types';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { ADMIN_BASE, getJson, signIn } from './http-helpers';

const LYON_NUMBERS = `${ADMIN_BASE}/systems/${DEMO_SYSTEM_IDS.lyon}/phone-numbers`;

describe('simulator admin phone-numbers API', () => {
  let simulator: RunningSimulator;
  let token: string;
  const list = async (query = '') =>
    (await getJson<ApiList<PhoneNumber>>(simulator, `${LYON_NUMBERS}${query}`, { token })).body;

  beforeAll(async () => {
    simulator = await startSimulator();
    token = await signIn(simulator);
  });
  afterAll(async () => {
    await simulator.close();
  });

  it('lists the subscribers sorted by short number, with the documented record fields', async () => {
    const answer = await list();

    expect(answer).toMatchObject({ limit: 100, offset: 0, total: 44 });
    const numbers = answer.data.map((record) => record.shortNumber);
    expect(numbers).toEqual([...numbers].sort());
    expect(answer.data[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      shortNumber: '81001',
      internalNumber: '81001',
      numberE164: '+33478981001',
      userId: expect.stringMatching(/^[0-9a-f]{24}$/),
      firstName: 'Camille',
      lastName: 'Martin',
      deviceName: 'Cloud PBX subscriber',
      systemId: DEMO_SYSTEM_IDS.lyon,
      pbxId: expect.stringMatching(/^PBX/),
    });
  });

  it('pages through every subscriber once', async () => {
    const pages = await Promise.all([0, 20, 40].map((offset) => list(`?limit=20&offset=${offset}`)));

    expect(pages.map((page) => page.data.length)).toEqual([20, 20, 4]);
    expect(pages.every((page) => page.total === 44 && page.limit === 20)).toBe(true);
    expect(new Set(pages.flatMap((page) => page.data.map((record) => record.id))).size).toBe(44);
  });

  it('filters by name (either name, any case), short number, user and assignment', async () => {
    expect((await list('?name=DUBOIS')).data.map((record) => record.firstName)).toEqual(['Chloé']);
    expect((await list('?name=chloé dub')).total).toBe(1);
    const [camille] = (await list('?shortNumber=81001')).data;
    expect(camille?.lastName).toBe('Martin');
    expect((await list(`?userId=${camille?.userId ?? ''}`)).data.map((record) => record.shortNumber)).toEqual(
      ['81001'],
    );
    const unheld = await list('?isAssignedToUser=false');
    expect(unheld.data.map((record) => record.shortNumber)).toEqual(['81090', '81091']);
    expect(unheld.data[0]).toMatchObject({ firstName: '', lastName: '' });
    expect(unheld.data[0]?.userId).toBeUndefined();
  });

  it('sorts by last name descending', async () => {
    const lastNames = (await list('?isAssignedToUser=true&sortField=lastName&sortOrder=-1&limit=3')).data.map(
      (record) => record.lastName,
    );
    expect(lastNames).toEqual(['Vincent', 'Thomas', 'Simon']);
  });

  it('accepts a limit of 1000 and refuses 1001, and refuses an unknown format', async () => {
    const max = await getJson(simulator, `${LYON_NUMBERS}?limit=1000`, { token });
    const over = await getJson(simulator, `${LYON_NUMBERS}?limit=1001`, { token });
    const format = await getJson(simulator, `${LYON_NUMBERS}?format=huge`, { token });

    expect(max.status).toBe(200);
    expect(over.status).toBe(400);
    expect(over.body).toEqual({
      errorCode: 400,
      errorMsg: 'Bad Request',
      errorDetails: "Parameter 'limit' must be an integer between 1 and 1000",
      errorDetailsCode: 400000,
    });
    expect(format.status).toBe(400);
  });

  it('answers 404 for an unknown system', async () => {
    const answer = await getJson(simulator, `${ADMIN_BASE}/systems/000000000000000000000000/phone-numbers`, {
      token,
    });
    expect(answer.status).toBe(404);
  });
});
