import { describe, expect, it } from 'vitest';
import { parseLldpNeighbours } from '../../../src-main/services/site-check/lldp-neighbour';

/** `lldpcli -f json show neighbors details` as Debian's lldpd 1.0.16 printed it in the site-check lab. */
const HEARD = JSON.stringify({
  lldp: {
    interface: {
      eth0: {
        via: 'LLDP',
        chassis: { 'lab-switch': { id: { type: 'mac', value: 'f2:b2:1d:50:53:ff' } } },
        port: {
          id: { type: 'ifname', value: 'ge-0/0/17' },
          descr: 'desk 2.17',
          power: { supported: true, 'device-type': 'PSE', class: 'class 3' },
        },
        vlan: { 'vlan-id': '10', pvid: true },
        'lldp-med': {
          'device-type': 'Network Connectivity Device',
          policy: {
            apptype: 'Voice',
            defined: true,
            vlan: { vid: '100' },
            priority: 'Voice',
            pcp: '5',
            dscp: '46',
          },
          poe: { 'device-type': 'PSE', power: '15400' },
        },
      },
    },
  },
});

describe('LLDP neighbours from lldpcli', () => {
  it('reads the switch, port, native and voice VLAN, QoS and PoE heard on the interface', () => {
    expect(parseLldpNeighbours(HEARD, 'eth0')).toEqual([
      {
        protocol: 'LLDP',
        switchName: 'lab-switch',
        port: 'ge-0/0/17',
        portDescription: 'desk 2.17',
        nativeVlan: 10,
        voiceVlan: 100,
        voicePriority: 5,
        voiceDscp: 46,
        poeClass: 'class 3',
        poeMilliwatts: 15400,
      },
    ]);
  });

  it('keeps only the asked interface when several ports heard something, and finds the voice policy among several', () => {
    const two = JSON.stringify({
      lldp: {
        interface: [
          { wlan0: { via: 'CDPv2', chassis: { other: {} } } },
          {
            eth0: {
              via: 'CDPv2',
              chassis: { 'core-sw': {} },
              'lldp-med': {
                policy: [
                  { apptype: 'Guest Voice', vlan: { vid: '5' } },
                  { apptype: 'Voice', vlan: { vid: '20' } },
                ],
              },
            },
          },
        ],
      },
    });
    expect(parseLldpNeighbours(two, 'eth0')).toEqual([
      expect.objectContaining({ protocol: 'CDPv2', switchName: 'core-sw', voiceVlan: 20, nativeVlan: null }),
    ]);
  });

  it('answers nothing when nothing was heard', () => {
    expect(parseLldpNeighbours('{"lldp":{}}', 'eth0')).toEqual([]);
  });
});
