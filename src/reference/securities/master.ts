// PLACEHOLDER owned by the linking work (issue 3): replaced by the real securities master.
export interface Security {
  symbol: string;
  name: string;
  exchange: string | null;
}
export interface SecurityMaster {
  bySymbol: Map<string, Security>;
}
export function loadSecurityMaster(): SecurityMaster {
  return { bySymbol: new Map() };
}
