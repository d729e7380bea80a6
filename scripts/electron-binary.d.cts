export declare const root: string;
export declare const electronInstaller: string;
export declare function electronBinary(): string | null;
