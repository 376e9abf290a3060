package dev.sluice.runtime.worker;

/** Receives the state changes of both connectors and tasks; what a herder implements. */
public interface StatusListener extends ConnectorStatusListener, TaskStatusListener {
}
