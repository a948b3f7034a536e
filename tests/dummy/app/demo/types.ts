/** The records of the demo's API (server/api.js), as the app sees them. */

export type ConversationStatus = 'open' | 'pending' | 'closed';

export interface Message {
  id: string;
  author: 'customer' | 'agent';
  name: string;
  text: string;
  /** ISO 8601 */
  at: string;
}

/** A conversation in a list: GET /api/conversations. */
export interface ConversationSummary {
  id: string;
  subject: string;
  customerId: string;
  customer: string;
  status: ConversationStatus;
  messageCount: number;
  updatedAt: string;
  preview: string;
}

/** GET /api/conversations/:id */
export interface Conversation {
  id: string;
  subject: string;
  customerId: string;
  customer: string;
  status: ConversationStatus;
  messages: Message[];
}

/** A user in a list: GET /api/users. */
export interface UserSummary {
  id: string;
  name: string;
  email: string;
  company: string;
}

/** GET /api/users/:id */
export interface User extends UserSummary {
  conversations: ConversationSummary[];
}

export interface SearchCriteria {
  query?: string;
  status?: ConversationStatus | 'any';
}

/** What the realtime channel delivers: a new message in a conversation. */
export interface RealtimeEvent {
  channel: string;
  conversation: string;
  status: ConversationStatus;
  message: Message;
}
