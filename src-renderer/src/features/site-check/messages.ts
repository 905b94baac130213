/** Site check screen: what the LAN gives a phone on this port. */
export const en = {
  siteCheck: {
    title: 'Site check',
    subtitle:
      'What a phone plugged into this port gets from the LAN: switch port and voice VLAN, DHCP, DNS, time and TLS to Rainbow.',
    simulated: 'Simulated site',
    simulatedTitle:
      'The demo checks a simulated site with one fault per check: nothing is sent on any network.',
    interface: 'Interface',
    interfacePlaceholder: 'The one of the default route',
    listenLldp: 'Listen for LLDP (s)',
    includeSystem: 'Also check this CloudPBX’s SIP domain',
    run: 'Run the check',
    running: 'Checking… (LLDP is listened to for up to {seconds} s)',
    failed: 'The site check could not run',
    from: 'From {interface} ({addresses})',
    noAddress: 'no IPv4 address',
    sends:
      'It sends one DHCP DISCOVER (never a REQUEST), DNS queries for the Rainbow names, one NTP request per server DHCP names, and one TLS handshake per host. It listens to LLDP through the system’s lldpd.',
  },
};

export const fr: typeof en = {
  siteCheck: {
    title: 'Contrôle du site',
    subtitle:
      'Ce qu’un téléphone branché sur ce port reçoit du réseau : port du switch et VLAN voix, DHCP, DNS, heure et TLS vers Rainbow.',
    simulated: 'Site simulé',
    simulatedTitle:
      'La démo contrôle un site simulé avec un défaut par contrôle : rien n’est envoyé sur aucun réseau.',
    interface: 'Interface',
    interfacePlaceholder: 'Celle de la route par défaut',
    listenLldp: 'Écoute LLDP (s)',
    includeSystem: 'Contrôler aussi le domaine SIP de ce CloudPBX',
    run: 'Lancer le contrôle',
    running: 'Contrôle en cours… (écoute LLDP jusqu’à {seconds} s)',
    failed: 'Le contrôle du site n’a pas pu être lancé',
    from: 'Depuis {interface} ({addresses})',
    noAddress: 'pas d’adresse IPv4',
    sends:
      'Il envoie un DHCP DISCOVER (jamais de REQUEST), des requêtes DNS pour les noms Rainbow, une requête NTP par serveur donné par DHCP et une négociation TLS par hôte. Il écoute le LLDP via le lldpd du système.',
  },
};
