// Types for the CommonJS package `id-validator` (1.x ships none).
declare module "id-validator" {
  type IDInfo = {
    /** the 6-digit address code */
    addrCode: string;
    /** the address name, when constructed with GB2260 */
    addr?: string;
    /** YYYY-MM-DD */
    birth: string;
    /** 1 male, 0 female */
    sex: 0 | 1;
    length: 15 | 18;
    checkBit?: string;
  };

  class IDValidator {
    constructor(GB2260?: Readonly<Record<string, string>>);
    isValid(id: string, forceType?: 15 | 18): boolean;
    getInfo(id: string, forceType?: 15 | 18): IDInfo | false;
    makeID(isFifteen?: boolean): string;
  }

  export = IDValidator;
}

declare module "id-validator/src/GB2260" {
  /** 6-digit 行政区划代码 → full name, e.g. "230102" → "黑龙江省哈尔滨市道里区" */
  const GB2260: Readonly<Record<string, string>>;
  export = GB2260;
}
