package io.liveview.docs;

import io.liveview.core.LiveView;
import io.liveview.core.LiveViewServer;
import io.liveview.core.Payload;
import io.liveview.core.PubSub;
import io.liveview.core.Socket;
import io.liveview.core.pubsub.RedisPubSub;
import io.liveview.demo.ChatLive;
import io.liveview.demo.ChatLive.Message;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * The {@code java} samples of {@code docs/pubsub.md}, verbatim, in the context that makes them
 * compile (see {@link DocSamplesTest}).
 */
@SuppressWarnings("unused")
final class PubSubSamples {

    // Context for the samples, not part of them: an application's message.
    record ChatLine(String author, String text) {}

    // pubsub.md sample 1: the PubSub itself.
    void pubSub(LiveViewServer server, Queue<Object> mailbox, Consumer<Object> myReceiver, ChatLine line) { // context
        PubSub pubSub = server.pubSub();                         // the one the server was built with
        PubSub.Subscription s = pubSub.subscribe("room:42", message -> mailbox.offer(message));
        pubSub.broadcast("room:42", new ChatLine("ann", "hi"));  // every receiver of the topic
        pubSub.broadcastFrom(myReceiver, "room:42", line);        // every receiver but myReceiver
        s.cancel();                                               // safe to call twice
    }

    // pubsub.md sample 2: methods of a view.
    abstract static class ChatView implements LiveView {
        // Context for the sample, not part of it: what the view holds.
        long id;
        String author;
        String text;
        Object typing;

        public void connected(Socket socket) { socket.subscribe("chat:lobby"); }  // cancelled when the view ends

        public void handleEvent(String event, Payload payload, Socket socket) {
            socket.broadcast("chat:lobby", new Message(id, author, text));  // this view too, if subscribed
            socket.broadcastFrom("chat:lobby", typing);                     // everyone but this view
        }
    }

    // pubsub.md sample 3: across nodes.
    void redis() {
        LiveViewServer.builder()
            .pubSub(RedisPubSub.connect(System.getenv("REDIS_URL")))  // e.g. redis://127.0.0.1:6379
            .live("/chat", ChatLive::new)
            .start();
    }
}
