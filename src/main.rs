//! The StackFit web app's entry point: mounts the planner on the page.

fn main() {
    stackfit::start();
}
