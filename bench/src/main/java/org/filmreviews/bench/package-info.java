/** Benchmarks and evaluations; each is a main class run by hand or by CI, never a timed test. */
package org.filmreviews.bench;
