package org.presstrace.faults;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.presstrace.faults.RegistryClient.Acknowledged;
import org.presstrace.faults.RegistryClient.Answer;

/**
 * Clients that register machines as the maker and pass each back and forth between the two seeded
 * registrants, keeping every custody event the API acknowledged and every request's outcome. A
 * write that was refused or cut off leaves its machine's holder unknown, so the writer moves on to
 * a new machine and never retries a write.
 */
final class Writers {

  /** One request: when it started and ended (nanoTime), and its status (-1: no answer). */
  record Outcome(long started, long ended, int status) {
    boolean acknowledged() {
      return status / 100 == 2;
    }
  }

  final Map<String, List<Acknowledged>> acknowledged = new ConcurrentHashMap<>();
  final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
  final AtomicInteger acks = new AtomicInteger();
  final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();
  private final RegistryClient api;
  private final String prefix;

  Writers(RegistryClient api, String prefix) {
    this.api = api;
    this.prefix = prefix;
  }

  void start(int count) {
    for (int w = 0; w < count; w++) {
      int writer = w;
      var thread = new Thread(() -> stream(writer), "fault-writer-" + w);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
  }

  void stop() throws InterruptedException {
    stop.set(true);
    for (Thread thread : threads) {
      thread.join(RegistryClient.REQUEST_TIMEOUT.toMillis() + 5_000);
      if (thread.isAlive()) {
        throw new IllegalStateException(thread.getName() + " did not stop");
      }
    }
  }

  int failed() {
    return (int) outcomes.stream().filter(outcome -> !outcome.acknowledged()).count();
  }

  private void stream(int writer) {
    int n = 0;
    while (!stop.get()) {
      String serial = prefix + writer + "-" + n++;
      Answer made = call(() -> api.registerMachine(serial));
      if (made == null) {
        pause();
        continue;
      }
      var made1 = RegistryClient.registered(made);
      var chain = new CopyOnWriteArrayList<Acknowledged>(List.of(made1));
      acknowledged.put(made1.machineId(), chain);
      for (int hop = 0; hop < 4 && !stop.get(); hop++) {
        String holder = chain.get(chain.size() - 1).holder();
        Answer moved = call(() -> api.transfer(made1.machineId(), holder));
        if (moved == null) {
          pause();
          break;
        }
        chain.add(RegistryClient.transferred(made1.machineId(), moved));
      }
    }
  }

  /** The answer when acknowledged, else null with the outcome recorded. */
  private Answer call(Request request) {
    long started = System.nanoTime();
    inFlight.incrementAndGet();
    try {
      Answer answer = request.send();
      outcomes.add(new Outcome(started, System.nanoTime(), answer.status()));
      if (answer.acknowledged()) {
        acks.incrementAndGet();
        return answer;
      }
      refusals.add(answer.status() + " " + answer.text());
      return null;
    } catch (IOException cutOff) {
      outcomes.add(new Outcome(started, System.nanoTime(), -1));
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.set(true);
      return null;
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @FunctionalInterface
  private interface Request {
    Answer send() throws IOException, InterruptedException;
  }
}
