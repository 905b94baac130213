/**
 * The import template: the header every import file needs and, as comments, what goes in each column with an
 * example line. The examples are comments on purpose: a template filled in without deleting them must not
 * create phones that do not exist. `resources/import-template.csv` is this text (a unit test keeps them equal).
 */
export const IMPORT_TEMPLATE_FILE_NAME = 'fieldkit-import-template.csv';

export const IMPORT_TEMPLATE = [
  '# Fieldkit import: one device per line. Lines starting with # are ignored; delete them or keep them.',
  '# mac: the deskphone MAC address from its label (e.g. 48:7A:55:00:00:02), or',
  '# ipei: the DECT handset IPEI from its label (e.g. 03807E7898 or 14343 0948376 *). Give one of the two.',
  '# model: the model as the CloudPBX names it (e.g. 8028s, M5, 8214DECT) or its id; `fieldkit models` lists them.',
  '# description: optional; by default the model and the short number.',
  '# subscriber: optional short number to assign the device to (or give email, the user login, instead).',
  '# transferMode: optional; same_as_company, new_call, attended_transfer, blind_transfer or optional.',
  '# mediaTransportProtocol: optional; rtp_savp (SRTP, the default) or rtp_avp.',
  '# Format the mac, ipei and subscriber columns as Text so the spreadsheet keeps leading zeros.',
  'mac,ipei,model,description,subscriber,email,transferMode,mediaTransportProtocol',
  '# Examples, to replace with your devices:',
  '# 48:7A:55:00:00:02,,8028s,Reception desk,81001,,,',
  '# ,03807E7898,8214DECT,Warehouse handset,,camille.martin@example.com,,',
  '',
].join('\r\n');
