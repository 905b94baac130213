/** Staff of the demo company, in short-number order per site. */

export interface Person {
  firstName: string;
  lastName: string;
}

function people(names: string): Person[] {
  return names
    .trim()
    .split('\n')
    .map((line) => {
      const [firstName = '', lastName = ''] = line.trim().split(' ');
      return { firstName, lastName };
    });
}

export const LYON_STAFF = people(`
  Camille Martin
  Lucas Bernard
  Chloé Dubois
  Hugo Thomas
  Léa Robert
  Louis Richard
  Manon Petit
  Gabriel Durand
  Inès Leroy
  Arthur Moreau
  Jade Simon
  Raphaël Laurent
  Louise Lefebvre
  Jules Michel
  Emma Garcia
  Adam David
  Alice Bertrand
  Nathan Roux
  Lina Vincent
  Théo Fournier
  Zoé Morel
  Maël Girard
  Sarah André
  Noah Lambert
  Juliette Bonnet
  Ethan François
  Clara Mercier
  Paul Dupont
  Anna Lopez
  Victor Fontaine
  Eva Rousseau
  Sacha Blanc
  Rose Guérin
  Tom Muller
  Mila Henry
  Enzo Faure
  Margaux Perrin
  Antoine Morin
  Elena Rossi
  Lukas Schneider
  Sofia Costa
  Matteo Bianchi
`);

export const GRENOBLE_STAFF = people(`
  Pauline Chevalier
  Maxime Gauthier
  Océane Roussel
  Baptiste Marchand
  Anaïs Lemaire
  Romain Renaud
  Laura Brun
  Quentin Colin
`);

/** `Chloé Dubois` → `chloe.dubois@<domain>`. */
export function loginEmailOf(person: Person, domain: string): string {
  const ascii = (text: string): string =>
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  return `${ascii(person.firstName)}.${ascii(person.lastName)}@${domain}`;
}

/** Recently hired staff with a Rainbow account but no telephone yet: candidates for a new subscriber. */
export const NEW_HIRES = people(`
  Nora Lemoine
  Yanis Carpentier
  Agathe Marchal
  Samuel Weber
  Lou Benoit
`);
