export * from './accounts.js';
export * from './audit.js';
export * from './organizations.js';
export * from './people.js';
export * from './settings.js';
export * from './workplaces.js';
