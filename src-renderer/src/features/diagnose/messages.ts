/** Diagnose screen: "why doesn't this phone work?" and "why doesn't this number ring?". */
export const en = {
  diagnose: {
    title: 'Diagnose',
    subtitle: 'Step-by-step checks from the CloudPBX, with the fix.',
    kind: { device: 'Device (MAC, IPEI or id)', number: 'Number (short or E.164)' },
    placeholder: { device: '48:7A:55:0A:1B:01', number: '81001 or +33478981001' },
    run: 'Diagnose',
    again: 'Run again',
    failed: 'The diagnosis could not run',
    fixFailed: 'The fix did not work',
    copy: 'Copy as text',
    copied: 'Diagnosis copied.',
    saveText: 'Save as text',
    saveJson: 'Save as JSON',
    titleDevice: 'Diagnosis of {name}',
    titleNumber: 'Diagnosis of number {number}',
    openDevice: 'Diagnose',
  },
};

export const fr: typeof en = {
  diagnose: {
    title: 'Diagnostic',
    subtitle: 'Les vérifications pas à pas depuis le CloudPBX, avec la solution.',
    kind: { device: 'Appareil (MAC, IPEI ou id)', number: 'Numéro (court ou E.164)' },
    placeholder: { device: '48:7A:55:0A:1B:01', number: '81001 ou +33478981001' },
    run: 'Diagnostiquer',
    again: 'Relancer',
    failed: 'Le diagnostic n’a pas pu être fait',
    fixFailed: 'La correction n’a pas abouti',
    copy: 'Copier en texte',
    copied: 'Diagnostic copié.',
    saveText: 'Enregistrer en texte',
    saveJson: 'Enregistrer en JSON',
    titleDevice: 'Diagnostic de {name}',
    titleNumber: 'Diagnostic du numéro {number}',
    openDevice: 'Diagnostiquer',
  },
};
