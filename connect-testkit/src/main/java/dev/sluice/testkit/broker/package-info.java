/**
 * Code that runs inside the broker's child JVM. JDK only: the broker's class path must not see the testkit's
 * dependencies.
 */
package dev.sluice.testkit.broker;
