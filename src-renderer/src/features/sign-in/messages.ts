/** Sign-in screen: saved profiles, the demo and the keychain. */
export const en = {
  signIn: {
    title: 'Sign in',
    subtitle: 'Choose a saved Rainbow profile, add one, or open the demo.',
    openingDemo: 'Opening the demo…',
    startFailed: 'Fieldkit could not read its settings',
  },
  demo: {
    title: 'Try Fieldkit with the demo',
    body: 'No account needed: the demo uses a simulated Rainbow and a simulated LAN. Nothing to type, and nothing real is changed.',
    button: 'Open the demo',
    alternative: 'No account at hand?',
  },
  keychain: {
    title: 'The system keychain is not available',
    body: 'Profiles cannot be saved or used on this computer. The demo still works.',
  },
  profiles: {
    title: 'Saved profiles',
    empty: 'No profile saved yet.',
    loadFailed: 'The saved profiles could not be read',
    signIn: 'Sign in',
    test: 'Test',
    remove: 'Remove',
    testOk: 'Connection OK: {user}',
    testFailed: 'Test failed',
    removeTitle: 'Remove this profile?',
    removeBody:
      'The profile “{name}” and its password and application secret will be deleted from this computer.',
    removeConfirm: 'Remove',
    removeFailed: 'The profile could not be removed',
    removed: 'Profile “{name}” removed.',
  },
  profileForm: {
    title: 'Add a profile',
    intro: 'The password and the application secret go to the system keychain, never to a file.',
    name: { label: 'Profile name', placeholder: 'e.g. Lyon head office' },
    host: { label: 'Rainbow host', placeholder: 'openrainbow.com' },
    login: { label: 'Login e-mail', placeholder: "technician{'@'}company.com" },
    password: { label: 'Password' },
    appId: { label: 'Application id' },
    appSecret: { label: 'Application secret' },
    save: 'Save the profile',
    saved: 'Profile “{name}” saved.',
    saveFailed: 'The profile could not be saved',
    rules: {
      required: 'This field is required.',
      nameTooLong: 'A profile name has at most 64 characters.',
      nameCharacters: "Use letters, digits, spaces, dots, dashes, underscores or {'@'}.",
      email: 'Enter an e-mail address.',
    },
  },
};

export const fr: typeof en = {
  signIn: {
    title: 'Connexion',
    subtitle: 'Choisissez un profil Rainbow enregistré, ajoutez-en un, ou ouvrez la démo.',
    openingDemo: 'Ouverture de la démo…',
    startFailed: 'Fieldkit n’a pas pu lire ses réglages',
  },
  demo: {
    title: 'Essayer Fieldkit avec la démo',
    body: 'Aucun compte nécessaire : la démo utilise un Rainbow simulé et un réseau local simulé. Rien à saisir, et rien de réel n’est modifié.',
    button: 'Ouvrir la démo',
    alternative: 'Pas de compte sous la main ?',
  },
  keychain: {
    title: 'Le trousseau du système n’est pas disponible',
    body: 'Les profils ne peuvent être ni enregistrés ni utilisés sur cet ordinateur. La démo fonctionne toujours.',
  },
  profiles: {
    title: 'Profils enregistrés',
    empty: 'Aucun profil enregistré pour l’instant.',
    loadFailed: 'Les profils enregistrés n’ont pas pu être lus',
    signIn: 'Se connecter',
    test: 'Tester',
    remove: 'Supprimer',
    testOk: 'Connexion OK : {user}',
    testFailed: 'Échec du test',
    removeTitle: 'Supprimer ce profil ?',
    removeBody:
      'Le profil « {name} », son mot de passe et son secret d’application seront effacés de cet ordinateur.',
    removeConfirm: 'Supprimer',
    removeFailed: 'Le profil n’a pas pu être supprimé',
    removed: 'Profil « {name} » supprimé.',
  },
  profileForm: {
    title: 'Ajouter un profil',
    intro:
      'Le mot de passe et le secret d’application vont dans le trousseau du système, jamais dans un fichier.',
    name: { label: 'Nom du profil', placeholder: 'ex. Siège de Lyon' },
    host: { label: 'Hôte Rainbow', placeholder: 'openrainbow.com' },
    login: { label: 'E-mail de connexion', placeholder: "technicien{'@'}entreprise.fr" },
    password: { label: 'Mot de passe' },
    appId: { label: 'Identifiant d’application' },
    appSecret: { label: 'Secret d’application' },
    save: 'Enregistrer le profil',
    saved: 'Profil « {name} » enregistré.',
    saveFailed: 'Le profil n’a pas pu être enregistré',
    rules: {
      required: 'Ce champ est obligatoire.',
      nameTooLong: 'Un nom de profil a au plus 64 caractères.',
      nameCharacters: "Utilisez des lettres, chiffres, espaces, points, tirets, soulignés ou {'@'}.",
      email: 'Saisissez une adresse e-mail.',
    },
  },
};
