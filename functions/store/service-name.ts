/** ElectroDB service name: the prefix of every key in the table (`$hazmat#…`). */
export const SERVICE = 'hazmat';
