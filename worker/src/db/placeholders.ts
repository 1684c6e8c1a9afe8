/** "?, ?, ?" for an IN (…) list of `values`: bound parameters, never the values in the SQL. */
export const marks = (values: readonly unknown[]) => values.map(() => "?").join(", ");
