/** The keys sheet template: shared so the CLI writes it and the Import screen downloads it as is. */
export const KEYS_TEMPLATE_FILE_NAME = 'fieldkit-keys-template.csv';

/** The keys template: its examples are comments, so a template filled in without deleting them sets no key. */
export const KEYS_TEMPLATE = [
  '# Fieldkit keys import: one programmable key per line. Lines starting with # are ignored.',
  '# mac (deskphones) or ipei (DECT handsets): the device, which must be on the CloudPBX.',
  '# module: 0 or empty for the phone itself, 1 to 3 for its expansion modules.',
  '# key: the key number on that phone or module, from 1.',
  '# type: speeddial, monitor, forward, headset, huntgroup or audio_hub (what the model offers).',
  '# label: the text the key shows (an external speed dial needs one).',
  '# Destination, one of: number (external number), subscriber (short number), group (hunt group id).',
  '# Service and system keys of a phone are never changed.',
  'mac,ipei,module,key,type,label,number,subscriber,group',
  '# Examples, to replace with your keys:',
  '# 48:7A:55:00:00:02,,0,1,monitor,,,81002,',
  '# 48:7A:55:00:00:02,,0,2,speeddial,Taxi,+33478000000,,',
  '',
].join('\r\n');
