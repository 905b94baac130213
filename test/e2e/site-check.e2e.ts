/**
 * The Site check screen in the demo, whose checks answer from a simulated site with one fault per check. Only
 * that site is ever checked here: a site check with a real profile would probe this machine's real network.
 */
import { DEMO_SYSTEM_IDS } from '../../src-main/simulator';
import { expect, openSection, test } from './support/fixtures';

test.use({ shellOptions: { args: ['--demo'], env: {} } });

test('the demo site check shows the ladder of the simulated site, one fault per check, with fixes', async ({
  page,
  shell,
}) => {
  await page.goto(shell.launchUrl);
  await openSection(page, DEMO_SYSTEM_IDS.lyon, 'site-check');
  // The guard: outside the demo this button would probe the machine's real network.
  await expect(page.getByTestId('site-check-simulated')).toBeVisible();

  await page.getByTestId('site-check-run').click();
  const ladder = page.getByTestId('check-ladder');
  await expect(ladder.getByTestId('check-verdict')).toHaveAttribute('data-verdict', 'problem');
  await expect(page.getByTestId('site-check-subject')).toHaveText('From sim0 (192.0.2.23/24)');
  const checks = ladder.getByTestId('check');
  await expect(checks).toHaveCount(7);
  const expected = [
    ['link', 'fail', /another host answers for 192\.0\.2\.23/],
    ['lldp', 'warn', /announces no voice VLAN/],
    ['dhcp', 'fail', /no provisioning server \(no option 66/],
    ['dns', 'fail', /does not exist/],
    ['ntp', 'fail', /10800 s off this laptop's clock/],
    ['tls', 'fail', /intercepted by a Fortinet TLS-inspecting proxy/],
    // Joined with what the demo CloudPBX says of the simulated site's phones.
    ['cloudpbx', 'fail', /^LAN fails at link, dhcp, dns, ntp, tls; phone [0-9a-f]{12} .*SIP ALG/],
  ] as const;
  for (const [index, [id, status, summary]] of expected.entries()) {
    const check = checks.nth(index);
    await expect(check).toHaveAttribute('data-check', id);
    await expect(check).toHaveAttribute('data-status', status);
    await expect(check.getByTestId('check-summary')).toHaveText(summary);
    await expect(check.getByTestId('check-fix')).toBeVisible();
  }
  // Option 43 is decoded: the voice VLAN the DHCP server hints at, where the switch announces none.
  const dhcpEvidence = checks.nth(2).locator('.check-ladder__evidence');
  await dhcpEvidence.locator('summary').click();
  await expect(dhcpEvidence.locator('dt:text-is("voiceVlanHint") + dd')).toHaveText(
    '100 (option 43 sub-option 1 (VLAN-A))',
  );
  // The CloudPBX's SIP domain is checked too (the switch is on by default).
  await expect(checks.nth(5)).toContainText(':5061');
  await expect(page.getByTestId('site-check-simulated')).toBeVisible();
});
