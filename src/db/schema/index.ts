export * from './accounts.js';
export * from './audit.js';
export * from './concerns.js';
export * from './organizations.js';
export * from './people.js';
export * from './plans.js';
export * from './settings.js';
export * from './workplaces.js';
