import type { Rng } from './random.js';

/** Name pools per locale, so a Munich tax office's contacts are not called Brad and a Texan's not Jürgen. */
export type Locale =
  | 'de'
  | 'fr'
  | 'nl'
  | 'it'
  | 'es'
  | 'pt'
  | 'fi'
  | 'el'
  | 'en-gb'
  | 'en-ie'
  | 'en-us'
  | 'fr-ca';

const list = (text: string) => text.split(',').map((s) => s.trim());

const names: Record<Locale, { first: readonly string[]; last: readonly string[] }> = {
  de: {
    first: list(
      'Anna, Lukas, Katharina, Jonas, Sabine, Matthias, Julia, Florian, Claudia, Stefan, Lena, Markus, Birgit, Tobias',
    ),
    last: list(
      'Müller, Schneider, Fischer, Weber, Wagner, Becker, Hoffmann, Schäfer, Koch, Richter, Klein, Wolf, Neumann, Brandt',
    ),
  },
  fr: {
    first: list(
      'Camille, Julien, Claire, Nicolas, Élodie, Thomas, Sophie, Mathieu, Amélie, Antoine, Isabelle, Olivier, Léa, Sébastien',
    ),
    last: list(
      'Martin, Bernard, Durand, Lefebvre, Moreau, Laurent, Girard, Roux, Fournier, Mercier, Blanchard, Garnier, Chevalier, Faure',
    ),
  },
  nl: {
    first: list(
      'Sanne, Daan, Femke, Bram, Lotte, Joost, Eline, Pieter, Marloes, Thijs, Anouk, Ruben, Inge, Sven',
    ),
    last: list(
      'de Vries, Jansen, Bakker, Visser, Smit, Meijer, de Boer, Mulder, Bos, Vos, Peters, Hendriks, Dekker, Willems',
    ),
  },
  it: {
    first: list(
      'Giulia, Marco, Francesca, Luca, Chiara, Alessandro, Elena, Davide, Sara, Matteo, Valentina, Paolo, Martina, Stefano',
    ),
    last: list(
      'Rossi, Bianchi, Ferrari, Romano, Colombo, Ricci, Greco, Bruno, Gallo, Conti, Esposito, Marino, Rinaldi, Lombardi',
    ),
  },
  es: {
    first: list(
      'Laura, Javier, Marta, Pablo, Lucía, Sergio, Carmen, Álvaro, Núria, Jordi, Elena, David, Montse, Raúl',
    ),
    last: list(
      'García, Martínez, López, Sánchez, Puig, Ferrer, Vidal, Soler, Torres, Navarro, Romero, Serra, Molina, Ortega',
    ),
  },
  pt: {
    first: list(
      'Inês, João, Beatriz, Miguel, Mariana, Tiago, Ana, Rui, Catarina, Pedro, Sofia, Nuno, Marta, Diogo',
    ),
    last: list(
      'Silva, Santos, Ferreira, Pereira, Costa, Oliveira, Rodrigues, Martins, Sousa, Fernandes, Gomes, Lopes, Carvalho, Ribeiro',
    ),
  },
  fi: {
    first: list('Aino, Mikko, Emilia, Juha, Laura, Antti, Sanna, Ville, Heidi, Janne, Noora, Teemu'),
    last: list(
      'Korhonen, Virtanen, Mäkinen, Nieminen, Hämäläinen, Laine, Heikkinen, Koskinen, Järvinen, Lehtonen',
    ),
  },
  el: {
    first: list('Eleni, Giorgos, Maria, Nikos, Katerina, Dimitris, Sofia, Kostas, Ioanna, Yannis'),
    last: list('Papadopoulos, Georgiou, Nikolaou, Pappas, Vlachos, Karagiannis, Oikonomou, Dimitriou'),
  },
  'en-gb': {
    first: list(
      'Emily, James, Charlotte, Oliver, Hannah, Harry, Sophie, George, Lucy, Thomas, Grace, William, Amelia, Daniel',
    ),
    last: list(
      'Smith, Jones, Taylor, Brown, Davies, Evans, Wilson, Thomas, Roberts, Walker, Wright, Hughes, Clarke, Patel',
    ),
  },
  'en-ie': {
    first: list(
      'Aoife, Cian, Niamh, Conor, Siobhán, Darragh, Ciara, Seán, Orla, Eoin, Róisín, Padraig, Gráinne, Liam',
    ),
    last: list(
      "Murphy, Kelly, Byrne, Ryan, O'Brien, Walsh, O'Connor, McCarthy, Doyle, Gallagher, Kennedy, Lynch, Nolan, Brennan",
    ),
  },
  'en-us': {
    first: list(
      'Jennifer, Michael, Ashley, David, Megan, Chris, Rachel, Brian, Nicole, Kevin, Amanda, Jason, Lauren, Marcus',
    ),
    last: list(
      'Johnson, Williams, Miller, Davis, Garcia, Rodriguez, Anderson, Thompson, Martinez, Robinson, Clark, Lewis, Nguyen, Carter',
    ),
  },
  'fr-ca': {
    first: list(
      'Émilie, Mathieu, Geneviève, Alexandre, Catherine, Maxime, Marie-Ève, Simon, Annie, François',
    ),
    last: list('Tremblay, Gagnon, Roy, Côté, Bouchard, Gauthier, Morin, Lavoie, Fortin, Pelletier'),
  },
};

export type Person = { first: string; last: string; name: string };

/** `count` different people of a locale, stable for a given generator state. */
export function people(rng: Rng, locale: Locale, count: number): Person[] {
  const pool = names[locale];
  const firsts = rng.sample(pool.first, count);
  const lasts = rng.sample(pool.last, count);
  return firsts.map((first, i) => ({ first, last: lasts[i]!, name: `${first} ${lasts[i]}` }));
}

/** "Siobhán O'Brien" at "brightwater-dental.example" → "siobhan.obrien@brightwater-dental.example". */
export function emailOf(person: Person, domain: string): string {
  const part = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '');
  return `${part(person.first)}.${part(person.last)}@${domain}`;
}
