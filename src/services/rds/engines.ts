// The database engines CreateDBInstance accepts, with the defaults RDS fills in for each.
import { invalidParameterValue } from './rds-errors.js';

export interface EngineDefaults {
  readonly version: string;
  readonly port: number;
  readonly license: string;
}

const MYSQL: EngineDefaults = { version: '8.0.39', port: 3306, license: 'general-public-license' };
const ORACLE: EngineDefaults = {
  version: '19.0.0.0.ru-2024-10.rur-2024-10.r1',
  port: 1521,
  license: 'bring-your-own-license',
};
const SQLSERVER: EngineDefaults = { version: '16.00.4150.1.v1', port: 1433, license: 'license-included' };

const ENGINES: Readonly<Record<string, EngineDefaults>> = {
  mysql: MYSQL,
  mariadb: { ...MYSQL, version: '10.11.9' },
  postgres: { version: '16.4', port: 5432, license: 'postgresql-license' },
  'oracle-ee': ORACLE,
  'oracle-se2': ORACLE,
  'sqlserver-ee': SQLSERVER,
  'sqlserver-se': SQLSERVER,
  'sqlserver-ex': SQLSERVER,
  'sqlserver-web': SQLSERVER,
};

export function engineDefaults(engine: string): EngineDefaults {
  const defaults = ENGINES[engine];
  if (defaults === undefined) throw invalidParameterValue('Invalid DB engine');
  return defaults;
}

export function licenseOf(engine: string): string {
  return ENGINES[engine]?.license ?? 'general-public-license';
}
