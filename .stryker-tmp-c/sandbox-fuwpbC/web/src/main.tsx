// @ts-nocheck
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { adoptKeyFromFragment, apiKey, setApiKey } from './api.js';
import { DecidePage } from './pages/decide.js';
import { LoansPage } from './pages/loans.js';
import { ModelsPage } from './pages/models.js';
import { PortfolioPage } from './pages/portfolio.js';
import { SimulatePage } from './pages/simulate.js';
import { StrategyPage } from './pages/strategy.js';
import './style.css';

const PAGES = [
  { path: '/', label: 'Decide', view: DecidePage },
  { path: '/loans', label: 'Loans', view: LoansPage },
  { path: '/portfolio', label: 'Portfolio', view: PortfolioPage },
  { path: '/models', label: 'Models', view: ModelsPage },
  { path: '/strategy', label: 'Strategy lab', view: StrategyPage },
  { path: '/simulate', label: 'Simulate', view: SimulatePage },
] as const;

/** Client-side navigation without a reload. */
export function navigate(path: string): void {
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

function KeyForm({ onKey }: { onKey: (key: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      class="card key-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim() !== '') onKey(value.trim());
      }}
    >
      <h1>Sign in</h1>
      <p>
        Enter an API key (<code>credo start</code> prints the admin key; it is kept for this tab only).
      </p>
      <label for="api-key">API key</label>
      <input id="api-key" type="password" autocomplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      <button type="submit">Use this key</button>
    </form>
  );
}

function App() {
  const [path, setPath] = useState(window.location.pathname);
  const [key, setKey] = useState(apiKey());
  useEffect(() => {
    const on = () => setPath(window.location.pathname);
    addEventListener('popstate', on);
    return () => removeEventListener('popstate', on);
  }, []);
  const page = PAGES.find((p) => p.path === path) ?? PAGES[0];
  useEffect(() => {
    document.title = `${page.label} · Credo`;
  }, [page]);
  const View = page.view;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header>
        <span class="brand">Credo</span>
        <nav aria-label="Pages">
          {PAGES.map((p) => (
            <a
              key={p.path}
              href={p.path}
              aria-current={p.path === page.path ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(p.path);
              }}
            >
              {p.label}
            </a>
          ))}
        </nav>
        {key !== null && (
          <button
            type="button"
            class="link"
            onClick={() => {
              setApiKey(null);
              setKey(null);
            }}
          >
            Sign out
          </button>
        )}
      </header>
      <main id="main">
        {key === null ? (
          <KeyForm
            onKey={(k) => {
              setApiKey(k);
              setKey(k);
            }}
          />
        ) : (
          <View key={page.path} />
        )}
      </main>
    </>
  );
}

adoptKeyFromFragment();
const root = document.getElementById('app');
if (root !== null) render(<App />, root);
