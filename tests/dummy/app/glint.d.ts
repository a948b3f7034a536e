import '@glint/environment-ember-loose';
import type ProcessManagerRegistry from 'ember-process-manager/template-registry';
import type PageTitleRegistry from 'ember-page-title/template-registry';
import type AgentNav from 'dummy/components/agent-nav';
import type ConversationList from 'dummy/components/conversation-list';
import type ConversationView from 'dummy/components/conversation-view';
import type UserView from 'dummy/components/user-view';
import type SearchView from 'dummy/components/search-view';
import type TabLabel from 'dummy/components/tab-label';

declare module '@glint/environment-ember-loose/registry' {
  export default interface Registry
    extends ProcessManagerRegistry, PageTitleRegistry {
    AgentNav: typeof AgentNav;
    ConversationList: typeof ConversationList;
    ConversationView: typeof ConversationView;
    UserView: typeof UserView;
    SearchView: typeof SearchView;
    TabLabel: typeof TabLabel;
  }
}
