import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import sinon from 'sinon';
import { StoreController, type ExternalStore } from './store/StoreController.js';

interface State {
  count: number;
  label: string;
}

function createStore(initial: State) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: Partial<State>) {
      state = { ...state, ...next };
      for (const listener of listeners) listener();
    },
    get listenerCount() {
      return listeners.size;
    },
  };
}

class StoreProbe extends LitElement {
  renders = 0;
  readonly counter = new StoreController<State, number>(this, { select: (s) => s.count });

  override render(): TemplateResult {
    this.renders++;
    return html`<output>${this.counter.value ?? 'none'}</output>`;
  }
}
customElements.define('store-probe', StoreProbe);

const shown = (el: StoreProbe) => el.shadowRoot!.querySelector('output')!.textContent;

describe('StoreController', () => {
  it('renders nothing from a store until one is bound', async () => {
    const el = await fixture<StoreProbe>(html`<store-probe></store-probe>`);
    expect(shown(el)).to.equal('none');
    expect(el.counter.store).to.equal(undefined);
  });

  it('subscribes while connected, re-renders on a selected change only, unsubscribes on disconnect', async () => {
    const store = createStore({ count: 1, label: 'a' });
    const el = await fixture<StoreProbe>(html`<store-probe></store-probe>`);
    el.counter.store = store;
    await el.updateComplete;
    expect(shown(el)).to.equal('1');
    expect(store.listenerCount).to.equal(1);

    store.set({ count: 2 });
    await el.updateComplete;
    expect(shown(el)).to.equal('2');

    const before = el.renders;
    store.set({ label: 'b' });
    await el.updateComplete;
    expect(el.renders, 'an unrelated change does not re-render').to.equal(before);

    el.remove();
    expect(store.listenerCount).to.equal(0);
    store.set({ count: 3 });
    document.body.append(el);
    await el.updateComplete;
    expect(store.listenerCount).to.equal(1);
    expect(shown(el)).to.equal('3');
    el.remove();
  });

  it('swaps stores cleanly', async () => {
    const first = createStore({ count: 1, label: '' });
    const second = createStore({ count: 10, label: '' });
    const el = await fixture<StoreProbe>(html`<store-probe></store-probe>`);
    el.counter.store = first;
    el.counter.store = first;
    await el.updateComplete;
    el.counter.store = second;
    await el.updateComplete;
    expect(first.listenerCount).to.equal(0);
    expect(second.listenerCount).to.equal(1);
    expect(shown(el)).to.equal('10');
    el.counter.store = undefined;
    await el.updateComplete;
    expect(second.listenerCount).to.equal(0);
    expect(shown(el)).to.equal('none');
  });
});

describe('StoreController with stores from app code', () => {
  afterEach(() => sinon.restore());

  it('ignores a value without the store contract, warning once', async () => {
    const warn = sinon.stub(console, 'warn');
    const el = await fixture<StoreProbe>(html`<store-probe></store-probe>`);
    el.counter.store = { getSnapshot: 'nope' } as unknown as ExternalStore<State>;
    el.counter.store = {} as unknown as ExternalStore<State>;
    await el.updateComplete;
    expect(el.counter.store).to.equal(undefined);
    expect(shown(el)).to.equal('none');
    expect(warn.callCount).to.equal(1);
  });

  it('keeps the last value when getSnapshot throws, and tolerates a subscribe without unsubscribe', async () => {
    sinon.stub(console, 'warn');
    const store = createStore({ count: 4, label: '' });
    let broken = false;
    const flaky: ExternalStore<State> = {
      getSnapshot: () => {
        if (broken) throw new Error('boom');
        return store.getSnapshot();
      },
      subscribe: (listener) => {
        store.subscribe(listener);
        return undefined as unknown as () => void;
      },
    };
    const el = await fixture<StoreProbe>(html`<store-probe></store-probe>`);
    el.counter.store = flaky;
    await el.updateComplete;
    expect(shown(el)).to.equal('4');
    broken = true;
    store.set({ count: 5 });
    await el.updateComplete;
    expect(shown(el)).to.equal('4');
    expect(() => el.remove()).not.to.throw();
  });
});
