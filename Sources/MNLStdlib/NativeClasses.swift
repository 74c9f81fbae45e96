import MNLRuntime

extension Stdlib {
    /// Every class of native objects the library makes, so that the tests can run each
    /// method's example and check its doc (as they do for every builtin). A new class joins
    /// this list.
    static var nativeClasses: [NativeClass] {
        [TensorClass.declaration, TableObject.declaration, BatchesObject.declaration, ImageObject.declaration,
         FigureObject.declaration, AxesObject.declaration, ProgressObject.declaration,
         ModelObject.declaration, OptimizerObject.declaration, ScheduleObject.declaration,
         ClassicModelObject.declaration, GridSearchObject.declaration]
    }
}
