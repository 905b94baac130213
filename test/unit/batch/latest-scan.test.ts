import { describe, expect, it } from 'vitest';
import { LatestScan } from '../../../src-main/services/batch/latest-scan';

describe('LatestScan', () => {
  const results = new Map([
    ['a', ['487a55000001']],
    ['b', ['487a55000002']],
  ]);
  const macsOf = (scanId: string): string[] => {
    const macs = results.get(scanId);
    if (macs === undefined) throw new Error('no such scan');
    return macs;
  };

  it('keeps the latest scan that went to the end and found something', () => {
    const latest = new LatestScan(macsOf);
    expect(latest.macs()).toBeUndefined();
    latest.scanEnded({ scanId: 'a', state: 'finished', found: 1 });
    latest.scanEnded({ scanId: 'b', state: 'stopped', found: 1 });
    latest.scanEnded({ scanId: 'b', state: 'finished', found: 0 });
    expect(latest.macs()).toEqual(['487a55000001']);
    latest.scanEnded({ scanId: 'b', state: 'finished', found: 1 });
    expect(latest.macs()).toEqual(['487a55000002']);
  });

  it('forgets it with the session, and when the scan is no longer kept', () => {
    const latest = new LatestScan(macsOf);
    latest.scanEnded({ scanId: 'a', state: 'finished', found: 1 });
    latest.forget();
    expect(latest.macs()).toBeUndefined();
    latest.scanEnded({ scanId: 'gone', state: 'finished', found: 3 });
    expect(latest.macs()).toBeUndefined();
  });
});
