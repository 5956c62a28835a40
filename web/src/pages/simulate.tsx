import { Empty } from '../components.js';

/** Simulate & optimise: not served by the API yet; says where to run it. */
export function SimulatePage() {
  return (
    <>
      <h1>Simulate &amp; optimise</h1>
      <section class="card">
        <Empty>
          No simulation results in the service yet. Loss distributions (EL, VaR, ES per macro scenario) and the cutoff optimiser run from the CLI:{' '}
          <code>credo simulate</code> and <code>credo optimise cutoffs</code> (see docs/portfolio.md); <code>npx credo demo</code> runs both on the synthetic
          world.
        </Empty>
      </section>
    </>
  );
}
