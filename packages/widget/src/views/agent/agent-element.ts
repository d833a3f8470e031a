import { ContextConsumer } from '../../base/context';
import { WidgetElement } from '../../base/widget-element';
import { agentText, type AgentText } from '../../translations/agent/index';
import { agentStoreContext, type AgentStore } from './agent-store';

/** A view of the agent's workspace: `t` holds the shared strings and the workspace's own; the store is the agent's. */
export class AgentElement extends WidgetElement {
  private readonly agentStore = new ContextConsumer(this, agentStoreContext);

  protected override get t(): AgentText {
    return agentText(this.i18n);
  }

  protected override get store(): AgentStore {
    return this.agentStore.value!;
  }
}
