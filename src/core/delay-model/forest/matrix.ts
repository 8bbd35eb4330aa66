/** Numeric features, row-major: value of feature j for row i is `values[i * nCols + j]`. */
export interface FeatureMatrix {
  nRows: number;
  nCols: number;
  values: Float64Array;
}

export function matrixFromRows(rows: ArrayLike<number>[], nCols?: number): FeatureMatrix {
  const cols = nCols ?? rows[0]?.length ?? 0;
  const values = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) throw new Error(`Row ${i} has ${row.length} features; expected ${cols}.`);
    for (let j = 0; j < cols; j++) values[i * cols + j] = row[j] as number;
  });
  return { nRows: rows.length, nCols: cols, values };
}

/** Rows `indices` of a matrix, in that order (for splits and subsamples). */
export function selectRows(matrix: FeatureMatrix, indices: ArrayLike<number>): FeatureMatrix {
  const { nCols } = matrix;
  const values = new Float64Array(indices.length * nCols);
  for (let k = 0; k < indices.length; k++) {
    const from = (indices[k] as number) * nCols;
    values.set(matrix.values.subarray(from, from + nCols), k * nCols);
  }
  return { nRows: indices.length, nCols, values };
}
