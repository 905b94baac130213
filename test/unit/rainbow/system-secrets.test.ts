import { describe, expect, it } from 'vitest';
import { withoutSecrets } from '../../../src-main/services/rainbow/systems';
import type { CloudPbx } from '../../../src-main/services/rainbow/types';

describe('withoutSecrets', () => {
  it('drops the PBX agent and SIP peer passwords and keeps everything else', () => {
    const system: CloudPbx = {
      id: '5cab078455d4811fdd87b0c4',
      name: 'cloud_pbx_testPrepaid',
      jid_pbxagent_password: '7417',
      jid_pbxpcg_password: '4be24f2dcd5c499c801370c7d9ed4a5c',
      cloudpbx: {
        numberingPrefix: '8',
        peerAuthenticationOptions: { username: 'cloud-pbx-19', password: 'secret', realm: 'business-com' },
      },
    };
    const cleaned = withoutSecrets(system);
    expect(JSON.stringify(cleaned)).not.toMatch(/7417|4be24f2d|"secret"/);
    expect(cleaned).toEqual({
      id: '5cab078455d4811fdd87b0c4',
      name: 'cloud_pbx_testPrepaid',
      cloudpbx: {
        numberingPrefix: '8',
        peerAuthenticationOptions: { username: 'cloud-pbx-19', realm: 'business-com' },
      },
    });
  });

  it('leaves a CloudPBX without those fields as it is', () => {
    const system: CloudPbx = { id: 'a', name: 'b', cloudpbx: { peerAuthenticationOptions: null } };
    expect(withoutSecrets(system)).toEqual(system);
  });
});
